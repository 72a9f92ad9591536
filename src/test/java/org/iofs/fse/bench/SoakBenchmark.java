package org.iofs.fse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.iofs.fse.FseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Half an hour of a working day on the demo data: 25 signed-in users opening pages every two seconds, four clients
 * posting stock receipts and issues at five hubs, and every five minutes three imports (the FAOSTAT and WFP sample
 * files, then the WFP file with its last row damaged, which must be refused whole). At the end the server's heap after
 * a full collection, connections, threads and open files are compared with their values after the warm-up, every
 * import's outcome is checked (applied or unchanged, or refused with nothing stored), and every lot's balance against
 * its ledger. Run through {@code bench/soak.sh}.
 */
public final class SoakBenchmark {

	static final int USERS = 25;

	static final int LEDGER_CLIENTS = 4;

	static final Path SAMPLES = Path.of("../shared/data/samples");

	public static void main(String[] args) throws Exception {
		int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int importEveryMinutes = 5;
		Path work = Files.createTempDirectory("fse-soak-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=true", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("ANALYZE").update();
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String admin = "Bearer " + StockLedgerBenchmark.token(http, base);
			Path damaged = damagedCopy(SAMPLES.resolve("wfp_food_prices_pak.csv"), work);
			PageMix mix = new PageMix(jdbc);
			List<PageLoad.Visitor> users = new ArrayList<>();
			for (int n = 0; n < USERS; n++) {
				users.add(PageLoad.Visitor.signedIn(port, PageMix.userOf(n)));
			}

			// Warm-up: a minute of the same traffic and one round of imports, so that the baseline is a warm server.
			List<String> imports = new ArrayList<>();
			imports.addAll(importRound(http, base, admin, jdbc, damaged));
			Ledger warmLedger = Ledger.start(http, base, admin, 60);
			PageLoad.run(users, mix, 60, 2_000);
			warmLedger.join();
			ServerState warm = ServerState.of(context);

			long end = System.nanoTime() + minutes * 60_000_000_000L;
			Ledger ledger = Ledger.start(http, base, admin, minutes * 60);
			PageLoad.Result[] pages = new PageLoad.Result[1];
			Thread traffic = new Thread(() -> {
				try {
					pages[0] = PageLoad.run(users, mix, minutes * 60, 2_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			traffic.start();
			while (System.nanoTime() < end) {
				Thread.sleep(Math.min(importEveryMinutes * 60_000L, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
				if (System.nanoTime() < end) {
					imports.addAll(importRound(http, base, admin, jdbc, damaged));
				}
			}
			traffic.join();
			ledger.join();
			ServerState after = ServerState.of(context);
			long mismatches = jdbc.sql("""
					SELECT count(*) FROM reserves.lot_balance b
					LEFT JOIN (SELECT lot_id, sum(tonnes) AS total FROM reserves.ledger_entry GROUP BY lot_id) e
					       ON e.lot_id = b.lot_id
					WHERE b.on_hand <> coalesce(e.total, 0) OR b.on_hand < 0
					""").query(Long.class).single();

			System.out.println();
			System.out.println("| measure | value |");
			System.out.println("|---|---|");
			System.out.printf("| minutes (after a minute of warm-up) | %d |%n", minutes);
			System.out.printf("| pages opened by %d users, errors | %,d, %d |%n", USERS, pages[0].pages(), pages[0].errors());
			System.out.printf("| pages p50 / p90 / p99 / slowest | %s |%n", pages[0].percentiles());
			System.out.printf("| ledger movements (201), refused (409), errors | %,d, %,d, %d |%n", ledger.ok.get(),
					ledger.refused.get(), ledger.failed.get());
			System.out.printf("| lots whose balance differs from their ledger sum, or is negative | %d |%n", mismatches);
			System.out.printf("| imports (each round: FAOSTAT sample, WFP sample, WFP damaged) | %d |%n", imports.size());
			long wrong = imports.stream().filter(i -> i.startsWith("WRONG")).count();
			System.out.printf("| imports whose outcome was wrong (not applied or unchanged; not refused whole) | %d |%n", wrong);
			System.out.println();
			System.out.println("| server state | after the warm-up | after " + minutes + " minutes |");
			System.out.println("|---|---|---|");
			ServerState.print(warm, after);
			System.out.println();
			imports.forEach(i -> System.out.println("import: " + i));
			if (!pages[0].failures().isEmpty()) {
				System.out.println("first page errors: " + pages[0].failures());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** Stock receipts (30 %) and FEFO issues (70 %) at five demo hubs, about five a second from four clients. */
	static final class Ledger {

		final AtomicLong ok = new AtomicLong();

		final AtomicLong refused = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final List<Thread> threads = new ArrayList<>();

		static Ledger start(HttpClient http, String base, String token, int seconds) {
			Ledger ledger = new Ledger();
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			for (int c = 0; c < LEDGER_CLIENTS; c++) {
				Thread thread = new Thread(() -> {
					while (System.nanoTime() < end) {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						String hub = base + "/api/v1/hubs/DEMO-HUB-" + (1 + random.nextInt(5));
						int status = random.nextInt(10) < 7
								? StockLedgerBenchmark.post(http, hub + "/issues",
										"{\"commodity\": \"wheat\", \"tonnes\": 0.5, \"reference\": \"soak\"}", token)
								: StockLedgerBenchmark.post(http, hub + "/receipts", StockLedgerBenchmark.receipt("2"), token);
						(status == 201 ? ledger.ok : status == 409 ? ledger.refused : ledger.failed).incrementAndGet();
						try {
							Thread.sleep(800);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				});
				thread.start();
				ledger.threads.add(thread);
			}
			return ledger;
		}

		void join() throws InterruptedException {
			for (Thread thread : threads) {
				thread.join();
			}
		}

	}

	/** One round: the two samples (applied, or unchanged when loaded before) and the damaged file (refused whole). */
	static List<String> importRound(HttpClient http, String base, String token, JdbcClient jdbc, Path damaged)
			throws Exception {
		List<String> outcomes = new ArrayList<>();
		outcomes.add(expectApplied(upload(http, base + "/api/v1/imports/faostat", token,
				SAMPLES.resolve("FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv")), "FAOSTAT sample"));
		outcomes.add(expectApplied(upload(http, base + "/api/v1/imports/wfp-prices", token,
				SAMPLES.resolve("wfp_food_prices_pak.csv")), "WFP sample"));
		long before = observations(jdbc);
		HttpResponse<String> refused = upload(http, base + "/api/v1/imports/wfp-prices?country=PAK", token, damaged);
		long after = observations(jdbc);
		boolean whole = refused.statusCode() == 422 && refused.body().contains("\"REJECTED\"") && before == after;
		outcomes.add((whole ? "refused whole" : "WRONG") + ": WFP damaged, " + refused.statusCode() + ", observations "
				+ before + " before and " + after + " after");
		return outcomes;
	}

	private static String expectApplied(HttpResponse<String> response, String label) {
		String body = response.body();
		boolean good = response.statusCode() == 200 && (body.contains("\"APPLIED\"") || body.contains("\"UNCHANGED\""));
		String outcome = body.contains("\"APPLIED\"") ? "applied" : body.contains("\"UNCHANGED\"") ? "unchanged" : body;
		return (good ? "" : "WRONG ") + label + ": " + response.statusCode() + " " + outcome;
	}

	private static long observations(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM prices.observation").query(Long.class).single();
	}

	/** The WFP sample with its last row's price made unreadable: one row problem, so the file is refused whole. */
	static Path damagedCopy(Path sample, Path work) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(sample, StandardCharsets.UTF_8));
		String last = lines.remove(lines.size() - 1);
		int comma = last.lastIndexOf(',', last.lastIndexOf(',') - 1);
		lines.add(last.substring(0, comma) + ",not-a-price" + last.substring(last.lastIndexOf(',')));
		Path copy = work.resolve("wfp_food_prices_pak_damaged.csv");
		Files.write(copy, lines, StandardCharsets.UTF_8);
		return copy;
	}

	static HttpResponse<String> upload(HttpClient http, String url, String token, Path file) throws Exception {
		String boundary = "----soak" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
