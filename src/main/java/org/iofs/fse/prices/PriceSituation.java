package org.iofs.fse.prices;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.iofs.fse.prices.internal.Prices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price situation as the dashboard tells it, public as the warnings map is: how many members stand at each
 * warning level (stress, alert, crisis) this month, and when prices were last loaded.
 */
@Service
public class PriceSituation {

	/** The latest import that changed prices: its file and when it started. */
	public record LatestImport(String fileName, Instant at) {
	}

	private final Prices prices;

	private final JdbcClient jdbc;

	PriceSituation(Prices prices, JdbcClient jdbc) {
		this.prices = prices;
		this.jdbc = jdbc;
	}

	/** Members by warning level name (STRESS, ALERT, CRISIS), worst first; members with normal or no current prices are not counted. */
	@Transactional(readOnly = true)
	public Map<String, Long> membersByWarningLevel() {
		Map<String, Long> counts = new TreeMap<>();
		prices.warnings().stream()
			.filter(w -> w.level() != null && w.level().severity() > 0)
			.forEach(w -> counts.merge(w.level().name(), 1L, Long::sum));
		return counts;
	}

	/**
	 * The members whose current prices of a commodity stand in a warning band (STRESS, ALERT or CRISIS), with the band's
	 * name; members at normal or without current prices of it are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> warningsOf(String commodity) {
		Map<String, String> levels = new TreeMap<>();
		prices.warnings().forEach(member -> member.commodities().stream()
			.filter(c -> c.commodity().equals(commodity) && c.level() != null && c.level().severity() > 0)
			.forEach(c -> levels.put(member.country(), c.level().name())));
		return levels;
	}

	/**
	 * A member's worst current price band and the commodity behind it (public, as the warnings map is); empty when
	 * none of its prices is current.
	 */
	public record MemberBand(String band, int severity, String commodity) {
	}

	@Transactional(readOnly = true)
	public Optional<MemberBand> worstBand(String iso3) {
		return prices.warnings().stream().filter(w -> w.country().equals(iso3) && w.level() != null).findFirst()
			.map(w -> new MemberBand(w.level().name(), w.level().severity(), w.commodities().stream()
				.filter(c -> c.level() == w.level()).map(c -> c.commodity()).findFirst().orElse(null)));
	}

	@Transactional(readOnly = true)
	public Optional<LatestImport> latestImport() {
		return jdbc.sql("""
				SELECT file_name, started_at FROM prices.import_run WHERE outcome = 'APPLIED'
				ORDER BY started_at DESC LIMIT 1
				""").query((rs, row) -> new LatestImport(rs.getString("file_name"),
						rs.getTimestamp("started_at").toInstant())).optional();
	}

}
