package org.iofs.fse.foodbalance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.foodbalance.internal.FoodBalance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published food balance facts other capabilities build on, public as the published balances are: each member's
 * population in its latest published year, when balances were last loaded, and a member's production and
 * self-sufficiency of a commodity year by year.
 */
@Service
public class FoodBalanceFacts {

	/** The latest import that changed balances: its file and when it started. */
	public record LatestImport(String fileName, Instant at) {
	}

	/** Production in thousand tonnes and the self-sufficiency ratio in %, either null when the year lacks it. */
	public record YearlyMeasure(int year, java.math.BigDecimal production, java.math.BigDecimal selfSufficiency) {
	}

	/**
	 * One member's published balance of a commodity in one year, in thousand tonnes; a quantity the sheet lacks is
	 * null. Domestic supply as FAOSTAT publishes it (production plus imports minus exports minus stock variation).
	 */
	public record MemberYear(String iso3, int year, BigDecimal production, BigDecimal imports, BigDecimal exports,
			BigDecimal domesticSupply) {
	}

	private final JdbcClient jdbc;

	private final FoodBalance balances;

	private final Commodities commodities;

	FoodBalanceFacts(JdbcClient jdbc, FoodBalance balances, Commodities commodities) {
		this.jdbc = jdbc;
		this.balances = balances;
		this.commodities = commodities;
	}

	/**
	 * Every member's published balance of a commodity (or food-balance group), year by year, in one query: the
	 * history the strategy of a commodity is read from. Where a year has several of the commodity's FBS codes (rice
	 * as 2805 and 2807), the first listed wins, as everywhere else.
	 */
	@Transactional(readOnly = true)
	public List<MemberYear> history(String commodityCode) {
		int[] items = commodities.get(commodityCode).fbsItemCodes().stream().mapToInt(Integer::intValue).toArray();
		return jdbc.sql("""
				SELECT DISTINCT ON (country_iso3, year) country_iso3, year,
				       vals[array_position(element_codes, 5511)] AS production,
				       vals[array_position(element_codes, 5611)] AS imports,
				       vals[array_position(element_codes, 5911)] AS exports,
				       vals[array_position(element_codes, 5301)] AS domestic_supply
				FROM foodbalance.balance_line
				WHERE item_code = ANY (CAST(:items AS integer[])) AND status = 'PUBLISHED'
				ORDER BY country_iso3, year, array_position(CAST(:items AS integer[]), item_code)
				""").param("items", items)
			.query((rs, row) -> new MemberYear(rs.getString("country_iso3"), rs.getInt("year"),
					rs.getBigDecimal("production"), rs.getBigDecimal("imports"), rs.getBigDecimal("exports"),
					rs.getBigDecimal("domestic_supply")))
			.list();
	}

	/** A member's published production and self-sufficiency ratio of a platform commodity, year by year. */
	public List<YearlyMeasure> yearly(String iso3, String commodityCode) {
		return balances.publishedMeasures(iso3, commodityCode);
	}

	/** Persons per member, from the latest published year that gives a population (FAOSTAT item 2501, element 511, in thousands). */
	@Transactional(readOnly = true)
	public Map<String, Double> populations() {
		Map<String, Double> persons = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (country_iso3) country_iso3, vals[array_position(element_codes, 511)] AS thousands
				FROM foodbalance.balance_line
				WHERE item_code = 2501 AND status = 'PUBLISHED' AND vals[array_position(element_codes, 511)] IS NOT NULL
				ORDER BY country_iso3, year DESC
				""").query((rs, row) -> persons.put(rs.getString("country_iso3"), rs.getDouble("thousands") * 1_000))
			.list();
		return persons;
	}

	@Transactional(readOnly = true)
	public Optional<LatestImport> latestImport() {
		return jdbc.sql("""
				SELECT file_name, started_at FROM foodbalance.import_run WHERE outcome = 'APPLIED'
				ORDER BY started_at DESC LIMIT 1
				""").query((rs, row) -> new LatestImport(rs.getString("file_name"),
						rs.getTimestamp("started_at").toInstant())).optional();
	}

}
