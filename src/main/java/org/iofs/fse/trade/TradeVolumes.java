package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tonnes traded through IFPA, year by year: every deal contracted on the board and not cancelled, counted in the
 * year it was contracted; and how many verified member companies sell a commodity, per member state. Totals only,
 * public as the board's aggregates and its verified badges are: no price and no dossier shows.
 */
@Service
public class TradeVolumes {

	private final JdbcClient jdbc;

	TradeVolumes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param commodity a platform commodity's code, or null for all
	 * @param destination the ISO3 code of the member the goods go to, or null for all
	 */
	@Transactional(readOnly = true)
	public Map<Integer, BigDecimal> tonnesByYear(String commodity, String destination) {
		Map<Integer, BigDecimal> byYear = new TreeMap<>();
		jdbc.sql("""
				SELECT CAST(extract(year FROM contracted_at AT TIME ZONE 'UTC') AS integer) AS year, sum(tonnes) AS tonnes
				FROM trade.deal
				WHERE status <> 'CANCELLED'
				  AND (CAST(:commodity AS text) IS NULL OR commodity_code = :commodity)
				  AND (CAST(:destination AS text) IS NULL OR destination_iso3 = :destination)
				GROUP BY 1
				""").param("commodity", commodity).param("destination", destination)
			.query((rs, row) -> byYear.put(rs.getInt("year"), rs.getBigDecimal("tonnes")))
			.list();
		return byYear;
	}

	/**
	 * The verified IFPA member companies that sell a commodity (it is among the commodities of their verified
	 * application), counted per member state: where a buyer could find a seller on the board.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> verifiedSellersByCountry(String commodity) {
		Map<String, Integer> byCountry = new TreeMap<>();
		jdbc.sql("""
				SELECT country_iso3, count(*) AS sellers FROM trade.company
				WHERE kyc_status = 'VERIFIED' AND :commodity = ANY (commodities)
				GROUP BY country_iso3
				""").param("commodity", commodity)
			.query((rs, row) -> byCountry.put(rs.getString("country_iso3"), rs.getInt("sellers")))
			.list();
		return byCountry;
	}

	/** The verified IFPA member companies registered in a member state. */
	@Transactional(readOnly = true)
	public long verifiedCompanies(String iso3) {
		return jdbc.sql("SELECT count(*) FROM trade.company WHERE kyc_status = 'VERIFIED' AND country_iso3 = :iso3")
			.param("iso3", iso3).query(Long.class).single();
	}

}
