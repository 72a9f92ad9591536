package org.iofs.fse.foodbalance;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published food balance facts other capabilities build on, public as the published balances are: each member's
 * population in its latest published year, and when balances were last loaded.
 */
@Service
public class FoodBalanceFacts {

	/** The latest import that changed balances: its file and when it started. */
	public record LatestImport(String fileName, Instant at) {
	}

	private final JdbcClient jdbc;

	FoodBalanceFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
