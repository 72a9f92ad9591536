package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tonnes traded through IFPA, year by year: every deal contracted on the board and not cancelled, counted in the
 * year it was contracted. Totals only, public as the board's aggregates are: no company and no price shows.
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

}
