package org.iofs.fse.foodbalance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
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

	/**
	 * A member's latest published balance of a commodity: the year, the self-sufficiency ratio in % (null without a
	 * use), domestic supply in thousand tonnes (null when the sheet lacks it), and the import dependency ratio in %
	 * (imports over production plus imports minus exports, FAO's definition; null without a use).
	 */
	public record LatestRatio(String commodity, int year, BigDecimal selfSufficiency, BigDecimal domesticSupply,
			BigDecimal importDependency) {

		/** Below 100 %: the member produces less than it uses. */
		public boolean deficit() {
			return selfSufficiency != null && selfSufficiency.compareTo(BigDecimal.valueOf(100)) < 0;
		}

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

	/**
	 * A member's latest published self-sufficiency of each commodity (not the food-balance groups), in one query:
	 * the country cockpit's first signal.
	 */
	@Transactional(readOnly = true)
	public List<LatestRatio> latestRatios(String iso3) {
		Map<Integer, String> commodityOfItem = new HashMap<>();
		commodities.ofKind(CommodityKind.COMMODITY)
			.forEach(c -> c.fbsItemCodes().forEach(item -> commodityOfItem.putIfAbsent(item, c.code())));
		Map<String, LatestRatio> latest = new HashMap<>();
		jdbc.sql("""
				SELECT item_code, year, vals[array_position(element_codes, 5511)] AS production,
				       vals[array_position(element_codes, 5611)] AS imports,
				       vals[array_position(element_codes, 5911)] AS exports,
				       vals[array_position(element_codes, 5301)] AS domestic_supply
				FROM foodbalance.balance_line
				WHERE country_iso3 = :iso3 AND item_code = ANY (CAST(:items AS integer[])) AND status = 'PUBLISHED'
				ORDER BY year DESC
				""").param("iso3", iso3).param("items", commodityOfItem.keySet().toArray(Integer[]::new))
			.query((rs, row) -> {
				String commodity = commodityOfItem.get(rs.getInt("item_code"));
				if (!latest.containsKey(commodity)) {
					BigDecimal production = zero(rs.getBigDecimal("production"));
					BigDecimal imports = zero(rs.getBigDecimal("imports"));
					BigDecimal use = production.add(imports).subtract(zero(rs.getBigDecimal("exports")));
					latest.put(commodity, new LatestRatio(commodity, rs.getInt("year"), percent(production, use),
							rs.getBigDecimal("domestic_supply"), percent(imports, use)));
				}
				return row;
			})
			.list();
		// In the catalogue's order (wheat, rice, maize... as the reference file lists them), not by code.
		return commodities.ofKind(CommodityKind.COMMODITY).stream()
			.map(c -> latest.get(c.code())).filter(Objects::nonNull).toList();
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() > 0 ? part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN) : null;
	}

	private static BigDecimal zero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
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
