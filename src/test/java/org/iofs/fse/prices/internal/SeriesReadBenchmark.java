package org.iofs.fse.prices.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.iofs.fse.FseApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a series read behaves as observations grow: fills the partitioned observation table with generated series
 * (125,000 series, as many months back from the current one as each size needs, so every yearly partition from
 * 1990 fills as a long history would), then at each size times 2,000 reads of a random series' observations
 * through the platform's own query (after 200 warm-up reads) and prints p50, p90, p99 and the largest, the
 * table's size and the partitions a read visits. Run through {@code bench/series-read.sh}, on a throwaway embedded
 * PostgreSQL.
 */
public final class SeriesReadBenchmark {

	private static final int SERIES = 125_000;

	private static final int READS = 2_000;

	public static void main(String[] args) throws Exception {
		long[] sizes = args.length == 0 ? new long[] { 10_000_000, 50_000_000 }
				: Arrays.stream(args).mapToLong(Long::parseLong).toArray();
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			PriceQueries queries = context.getBean(PriceQueries.class);
			long[] ids = createSeries(jdbc);
			System.out.println();
			System.out.println("| observations | series | months per series | table with indexes | p50 | p90 | p99 | max |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			int months = 0;
			for (long size : sizes) {
				int wanted = (int) (size / SERIES);
				long start = System.nanoTime();
				fill(jdbc, months, wanted);
				double fillSeconds = (System.nanoTime() - start) / 1e9;
				months = wanted;
				jdbc.sql("VACUUM ANALYZE prices.observation_year").update();
				String tableSize = jdbc.sql("""
						SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))
						FROM pg_inherits WHERE inhparent = 'prices.observation_year'::regclass
						""").query(String.class).single();
				double[] millis = time(queries, ids);
				System.out.printf("| %,d | %,d | %d | %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
						(long) SERIES * months, SERIES, months, tableSize, percentile(millis, 50),
						percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1]);
				System.out.printf("  (filled in %.0f s)%n", fillSeconds);
			}
			System.out.println();
			System.out.println("A read's plan:");
			jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT o.month, o.price_flag, o.price "
					+ "FROM prices.observation o WHERE o.series_id = " + ids[ids.length / 2] + " ORDER BY o.month")
				.query(String.class)
				.list()
				.stream()
				.filter(line -> !line.contains("Index Cond") && !line.contains("Buffers"))
				.limit(12)
				.forEach(line -> System.out.println("    " + line));
		}
		finally {
			// The throwaway database and the generated file take gigabytes.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private static long[] createSeries(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO prices.source_commodity (name, category)
				SELECT 'Staple ' || g, 'cereals and tubers' FROM generate_series(1, 10) g
				""").update();
		jdbc.sql("""
				INSERT INTO prices.market (country_iso3, admin1, admin2, name)
				SELECT c.iso3, 'Region', 'District', 'Market ' || g
				FROM (SELECT iso3, row_number() OVER (ORDER BY iso3) AS n FROM countries.country) c,
				     generate_series(1, :perMember) g
				""").param("perMember", SERIES / 10 / 57 + 1).update();
		jdbc.sql("""
				INSERT INTO prices.series (market_id, source_commodity_id, price_type, unit, unit_quantity, base_unit, currency)
				SELECT m.id, c.id, 'Retail', 'KG', 1, 'kg', 'USD'
				FROM prices.market m CROSS JOIN prices.source_commodity c
				ORDER BY m.id, c.id LIMIT :series
				""").param("series", SERIES).update();
		jdbc.sql("""
				INSERT INTO prices.import_run (file_name, sha256, imported_by, outcome, started_at)
				VALUES ('generated', repeat('0', 64), 'benchmark', 'APPLIED', now())
				""").update();
		return jdbc.sql("SELECT id FROM prices.series ORDER BY id").query(Long.class).list().stream()
			.mapToLong(Long::longValue).toArray();
	}

	/**
	 * Adds the months {@code from} to {@code to} back from the current month to every series, series by series, as
	 * year rows laid over the months already there.
	 */
	private static void fill(JdbcClient jdbc, int from, int to) {
		jdbc.sql("""
				INSERT INTO prices.observation_year AS y (series_id, year_start, price_flag, price, usd_price, source_import)
				SELECT s.id, CAST(date_trunc('year', m.month) AS date), 'actual',
				       array_agg(round((20 + (s.id % 80) + 5 * sin(m.g)) * 100)::bigint * 100
				                 ORDER BY extract(month FROM m.month)),
				       array_fill(NULL::bigint, ARRAY[12]), (SELECT max(id) FROM prices.import_run)
				FROM prices.series s
				CROSS JOIN LATERAL (
				    SELECT g, CAST(date_trunc('month', current_date) - make_interval(months => g) AS date) AS month
				    FROM generate_series(:from, :to - 1) g
				    UNION ALL
				    -- the months of a year outside the range, as no price
				    SELECT NULL, CAST(date_trunc('month', current_date) - make_interval(months => g) AS date)
				    FROM generate_series(:from - 12, :to + 11) g
				    WHERE g < :from OR g >= :to) m
				GROUP BY s.id, date_trunc('year', m.month)
				HAVING count(m.g) > 0
				ORDER BY s.id, 2
				ON CONFLICT (series_id, year_start, price_flag) DO UPDATE SET
				    price = (SELECT array_agg(coalesce(u.a, u.b) ORDER BY u.n)
				             FROM unnest(EXCLUDED.price, y.price) WITH ORDINALITY AS u(a, b, n))
				""").param("from", from).param("to", to).update();
	}

	private static double[] time(PriceQueries queries, long[] ids) {
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			queries.observations(ids[random.nextInt(ids.length)]);
		}
		double[] millis = new double[READS];
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < READS; i++) {
			long id = ids[random.nextInt(ids.length)];
			long start = System.nanoTime();
			sizes.add(queries.observations(id).size());
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double percentile(double[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
	}

}
