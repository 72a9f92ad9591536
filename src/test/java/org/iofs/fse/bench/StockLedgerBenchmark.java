package org.iofs.fse.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.iofs.fse.FseApplication;
import org.iofs.fse.platform.internal.DatabaseServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Sixteen clients post issues (FEFO, 70 %) and receipts (30 %) against twenty hubs over HTTP for a while, then the
 * benchmark checks that every lot's balance equals its ledger sum and none is negative; then it loads ten million
 * ledger entries and times a hub's stock on hand. Run through {@code bench/stock-ledger.sh}, on a throwaway
 * embedded PostgreSQL.
 */
public final class StockLedgerBenchmark {

	static final int CLIENTS = 16;

	static final int HUBS = 20;

	// The reads are timed once the server has compiled their path, as it has long done in service: the load before
	// warmed the writes only.
	static final int WARM_UP_READS = 1_000;

	static final int EMPTIED_LOTS_PER_HUB = 2_000;

	// Likewise the writes: the same load runs at least this long first, and then until the JIT compilers are done
	// with it (SteadyState), not counted (the ledger check at the end covers it), so that the time measured is not
	// also the time the compilers spend two cores' CPU on the request path.
	static final int WARM_UP_SECONDS = 20;

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		long entries = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://localhost:" + port;
			String token = "Bearer " + token(http, base);
			for (int h = 1; h <= HUBS; h++) {
				jdbc.sql("INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES (:c, :c, 'WAREHOUSE', 'SEN')")
					.param("c", "BENCH-HUB-" + h)
					.update();
			}
			seedHistory(jdbc);
			for (int h = 1; h <= HUBS; h++) {
				for (int l = 0; l < 5; l++) {
					post(http, base + "/api/v1/hubs/BENCH-HUB-" + h + "/receipts", receipt("5000"), token);
				}
			}

			// A platform in service has planner statistics for its tables; a database created a moment ago has none
			// until autovacuum's first pass (up to a minute), and would plan the first minute's queries for empty tables.
			jdbc.sql("ANALYZE").update();

			boolean javaClients = "java".equals(System.getenv("BENCH_CLIENT")) || !WrkLoad.available();
			SteadyState.WarmUp warmUp = SteadyState.warmUp(WARM_UP_SECONDS, round -> {
				if (javaClients) {
					javaClients(http, base, token, round);
				}
				else {
					WrkLoad.run(base, token, round, HUBS, CLIENTS);
				}
			});
			long compilingBefore = SteadyState.compilingMillis();
			CpuTime cpuBefore = CpuTime.now();
			Optional<WrkLoad.Figures> wrk = javaClients ? Optional.empty() : WrkLoad.run(base, token, seconds, HUBS, CLIENTS);
			long[] all = new long[0];
			long ok;
			long refused;
			long failed;
			String latency;
			if (wrk.isPresent()) {
				ok = wrk.get().requests() - wrk.get().notCreated();
				refused = wrk.get().notCreated();
				failed = wrk.get().socketErrors();
				latency = wrk.get().p50() + " / " + wrk.get().p99();
			}
			else {
				JavaLoad load = javaClients(http, base, token, seconds);
				all = load.latencies();
				ok = load.ok();
				refused = load.refused();
				failed = load.failed();
				latency = String.format("%.1f ms / %.1f ms", percentile(all, 0.5), percentile(all, 0.99));
			}
			CpuTime cpu = CpuTime.now().since(cpuBefore);
			long compiling = SteadyState.compilingMillis() - compilingBefore;
			long mismatches = jdbc.sql("""
					SELECT count(*) FROM reserves.lot_balance b
					LEFT JOIN (SELECT lot_id, sum(tonnes) AS total FROM reserves.ledger_entry GROUP BY lot_id) e
					       ON e.lot_id = b.lot_id
					WHERE b.on_hand <> coalesce(e.total, 0) OR b.on_hand < 0
					""").query(Long.class).single();

			// PostgreSQL's own transaction rate on the same server, in the same run: the ledger's rate is read against it.
			Optional<Pgbench.Figures> pgbench = Pgbench.run(context.getBean(DatabaseServer.class).embedded(), jdbc, CLIENTS, seconds, work);

			System.out.println();
			System.out.println("| measure | value |");
			System.out.println("|---|---|");
			System.out.printf("| client | %s |%n", wrk.isPresent() ? "wrk, 2 threads, " + CLIENTS + " connections"
					: CLIENTS + " Java HTTP clients in the server's JVM");
			System.out.printf("| clients, hubs, seconds measured | %d, %d, %d |%n", CLIENTS, HUBS, seconds);
			System.out.printf("| warm-up, until the JIT compilers settled | %s |%n", warmUp.describe());
			System.out.printf("| the JIT compilers busy during the measure | %,d ms |%n", compiling);
			System.out.printf("| ledger transactions (201) | %,d |%n", ok);
			System.out.printf("| transactions per second | %,.0f |%n", ok / (double) seconds);
			System.out.printf("| refused (409 with the Java clients; any answer but 201 with wrk) | %,d |%n", refused);
			System.out.printf("| errors | %,d |%n", failed);
			System.out.printf("| latency p50 / p99 | %s |%n", latency);
			System.out.printf("| CPU per transaction: the platform's JVM%s / PostgreSQL | %s |%n",
					wrk.isPresent() ? "" : " (its Java clients included)", cpu.perTransaction(Math.max(ok + refused, 1)));
			if (pgbench.isPresent()) {
				System.out.printf("| pgbench TPC-B-like, %d clients, prepared, same server: transactions per second | %,.0f |%n",
						CLIENTS, pgbench.get().tps());
				System.out.printf("| pgbench latency p50 / p99 | %.1f ms / %.1f ms |%n", pgbench.get().p50Ms(),
						pgbench.get().p99Ms());
				System.out.printf("| ledger's rate over pgbench's (target 35 %%, aim 50 %%) | %.1f %% |%n",
						100 * ok / (double) seconds / pgbench.get().tps());
			}
			else {
				System.out.println("| pgbench | not installed (Debian's postgresql-client): no baseline in this run |");
			}
			System.out.printf("| lots whose balance differs from their ledger sum, or is negative | %d |%n", mismatches);

			// Ten million ledger entries (receipts and issues that cancel out) spread over the twenty hubs' lots.
			long loadStart = System.nanoTime();
			jdbc.sql("""
					WITH lots AS (SELECT id, hub_code, row_number() OVER (ORDER BY id) - 1 AS n FROM reserves.lot),
					     counted AS (SELECT count(*) AS lots FROM lots)
					INSERT INTO reserves.ledger_entry (lot_id, hub_code, kind, tonnes, reference, recorded_by)
					SELECT l.id, l.hub_code, CASE WHEN g % 2 = 0 THEN 'ISSUE' ELSE 'RECEIPT' END,
					       CASE WHEN g % 2 = 0 THEN -1.5 ELSE 1.5 END, 'bench load', 'benchmark'
					FROM generate_series(1, :n) g JOIN lots l ON l.n = ((g - 1) / 2) % (SELECT lots FROM counted)
					""").param("n", entries - entries % 2).update();
			long total = jdbc.sql("SELECT count(*) FROM reserves.ledger_entry").query(Long.class).single();
			double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
			// Let the database settle, as autovacuum would soon after a load, so that the reads time reading, not
			// autovacuum: the ledger, and the lots and balances that the minute of movements and the load's checks left
			// with row versions and locks to clean up.
			jdbc.sql("VACUUM (ANALYZE) reserves.ledger_entry, reserves.lot, reserves.lot_balance").update();
			jdbc.sql("CHECKPOINT").update();
			long[] reads = new long[200];
			for (int i = -WARM_UP_READS; i < reads.length; i++) {
				long start = System.nanoTime();
				HttpResponse<String> stock = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hubs/BENCH-HUB-7/stock"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (stock.statusCode() != 200) {
					throw new IllegalStateException("stock answered " + stock.statusCode());
				}
				if (i >= 0) {
					reads[i] = System.nanoTime() - start;
				}
			}
			Arrays.sort(reads);
			System.out.printf("| ledger entries loaded | %,d (%.0f s to load) |%n", total, loadSeconds);
			System.out.printf("| GET /api/v1/hubs/{code}/stock, p50 / p99 | %.1f ms / %.1f ms |%n", percentile(reads, 0.5),
					percentile(reads, 0.99));
		}
		finally {
			// The throwaway database holds gigabytes after the load.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/**
	 * A hub in service has received and emptied many lots before today: each bench hub starts with
	 * {@value #EMPTIED_LOTS_PER_HUB} of them (received and issued in full, expiring before the lots received during the
	 * run, so first in FEFO order), which a pick must not have to step over.
	 */
	static void seedHistory(JdbcClient jdbc) {
		jdbc.sql("""
				WITH lots AS (
				    INSERT INTO reserves.lot (hub_code, commodity_code, intake_date, best_before, has_stock)
				    SELECT h.code, 'wheat', current_date - 400 + g % 300, current_date + 30 + g % 500, false
				    FROM reserves.hub h, generate_series(1, :lots) g WHERE h.code LIKE 'BENCH-HUB-%'
				    RETURNING id, hub_code, commodity_code),
				balances AS (
				    INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand)
				    SELECT id, hub_code, commodity_code, 0 FROM lots)
				INSERT INTO reserves.ledger_entry (lot_id, hub_code, kind, tonnes, reference, recorded_by)
				SELECT id, hub_code, k.kind, k.tonnes, 'bench history', 'benchmark'
				FROM lots, (VALUES ('RECEIPT', 10), ('ISSUE', -10)) k (kind, tonnes)
				""").param("lots", EMPTIED_LOTS_PER_HUB).update();
	}

	record JavaLoad(long ok, long refused, long failed, long[] latencies) {
	}

	/** Sixteen Java HTTP clients, in this JVM (when wrk is not installed, or BENCH_CLIENT=java). */
	static JavaLoad javaClients(HttpClient http, String base, String token, int seconds) throws InterruptedException {
		AtomicLong ok = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			long[] mine = new long[4_000_000];
			latencies.add(mine);
			int client = c;
			Thread thread = new Thread(() -> {
				int n = 0;
				while (System.nanoTime() < end && n < mine.length) {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				String hub = base + "/api/v1/hubs/BENCH-HUB-" + (1 + random.nextInt(HUBS));
				long start = System.nanoTime();
				int status = random.nextInt(10) < 7
						? post(http, hub + "/issues", "{\"commodity\": \"wheat\", \"tonnes\": 0.5, \"reference\": \"bench "
							+ client + "\"}", token)
						: post(http, hub + "/receipts", receipt("10"), token);
				mine[n++] = System.nanoTime() - start;
				if (status == 201) {
					ok.incrementAndGet();
				}
				else if (status == 409) {
					refused.incrementAndGet();
				}
				else {
					failed.incrementAndGet();
				}
				}
				mine[mine.length - 1] = n;
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] all = latencies.stream()
			.flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1]))
			.sorted()
			.toArray();
		return new JavaLoad(ok.get(), refused.get(), failed.get(), all);
	}

	static String receipt(String tonnes) {
		return "{\"commodity\": \"wheat\", \"tonnes\": " + tonnes + ", \"bestBefore\": \"" + LocalDate.now().plusYears(2)
				+ "\"}";
	}

	static int post(HttpClient http, String url, String body, String token) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.header("Authorization", token)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	public static String token(HttpClient http, String base) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": \"bench-admin-password\", "
					+ "\"name\": \"bench\", \"expiresInDays\": 1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		int start = body.indexOf("\"token\":\"") + 9;
		return body.substring(start, body.indexOf('"', start));
	}

	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return 0;
		}
		return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6;
	}

}
