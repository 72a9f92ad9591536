package org.iofs.fse.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
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

	/**
	 * How a commodity's prices moved after a base month, in the given members or in all the others: for each of the
	 * following months, the median over the markets' series of the change from the base month, in % (null where no
	 * series has both months), and how many series counted. Public, as market prices are.
	 *
	 * @param inside true for the members given, false for every other member
	 */
	public record PriceChanges(List<BigDecimal> medianPercent, List<Integer> series) {
	}

	/** One question of {@link #changesAfter(List, int)}: a commodity's series in the members given, or in all others. */
	public record PriceQuestion(Collection<String> members, boolean inside, String commodity, YearMonth base) {
	}

	@Transactional(readOnly = true)
	public PriceChanges changesAfter(Collection<String> members, boolean inside, String commodity, YearMonth base,
			int months) {
		return changesAfter(List.of(new PriceQuestion(members, inside, commodity, base)), months).get(0);
	}

	// The months are read from each series' arrays by position (array_position), not through the series_month view,
	// which unnests every month of every series of the commodity: a dashboard measures every delivered release this
	// way, and the view made each one cost 18 ms (4 ms now, on the demo data). The questions are asked in one
	// statement, so that a page measuring many releases costs one round trip, not two per release.
	/** The answers to several questions at once, in their order. */
	@Transactional(readOnly = true)
	public List<PriceChanges> changesAfter(List<PriceQuestion> questions, int months) {
		List<List<BigDecimal>> medians = new ArrayList<>();
		List<List<Integer>> counts = new ArrayList<>();
		for (int q = 0; q < questions.size(); q++) {
			medians.add(new ArrayList<>(Collections.nCopies(months, (BigDecimal) null)));
			counts.add(new ArrayList<>(Collections.nCopies(months, 0)));
		}
		if (!questions.isEmpty()) {
			jdbc.sql("""
					WITH q AS (
					    SELECT * FROM unnest(CAST(:members AS text[]), CAST(:inside AS boolean[]),
					        CAST(:commodities AS text[]), CAST(:bases AS date[])) WITH ORDINALITY
					        AS q(members, inside, commodity, base, at)),
					s AS (
					    SELECT q.at, q.base, se.id FROM q
					    JOIN prices.source_commodity sc ON sc.commodity_code = q.commodity
					    JOIN prices.series se ON se.source_commodity_id = sc.id
					    JOIN prices.market m ON m.id = se.market_id
					    WHERE (m.country_iso3 = ANY (string_to_array(q.members, ','))) = q.inside),
					base AS (
					    SELECT s.at, s.base, i.month, i.price, round(CAST(i.price[p.at] AS numeric), 4) AS base_price
					    FROM s JOIN prices.series_indicator i ON i.series_id = s.id
					    CROSS JOIN LATERAL (SELECT array_position(i.month, s.base) AS at) p
					    WHERE p.at IS NOT NULL),
					after AS (
					    SELECT b.at, k, b.base_price, round(CAST(b.price[array_position(b.month,
					               CAST(b.base + make_interval(months => k) AS date))] AS numeric), 4) AS price
					    FROM base b CROSS JOIN generate_series(1, :months) AS k
					    WHERE b.base_price > 0)
					SELECT at, k, percentile_cont(0.5) WITHIN GROUP (ORDER BY (price / base_price - 1) * 100) AS change,
					       count(*) AS series
					FROM after WHERE price IS NOT NULL
					GROUP BY at, k ORDER BY at, k
					""")
				.param("members", questions.stream().map(q -> String.join(",", q.members())).toArray(String[]::new))
				.param("inside", questions.stream().map(PriceQuestion::inside).toArray(Boolean[]::new))
				.param("commodities", questions.stream().map(PriceQuestion::commodity).toArray(String[]::new))
				.param("bases", questions.stream().map(q -> java.sql.Date.valueOf(q.base().atDay(1)))
					.toArray(java.sql.Date[]::new))
				.param("months", months)
				.query((rs, row) -> {
					int q = rs.getInt("at") - 1;
					int k = rs.getInt("k") - 1;
					medians.get(q).set(k, BigDecimal.valueOf(rs.getDouble("change"))
						.setScale(1, java.math.RoundingMode.HALF_EVEN));
					counts.get(q).set(k, rs.getInt("series"));
					return row;
				})
				.list();
		}
		List<PriceChanges> answers = new ArrayList<>();
		for (int q = 0; q < questions.size(); q++) {
			answers.add(new PriceChanges(Collections.unmodifiableList(medians.get(q)), List.copyOf(counts.get(q))));
		}
		return answers;
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
