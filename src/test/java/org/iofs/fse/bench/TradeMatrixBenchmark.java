package org.iofs.fse.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.iofs.fse.FseApplication;
import org.iofs.fse.strategy.TradeMatrixCommand;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Generates a FAOSTAT Detailed Trade Matrix of N rows (default 10 million: the 57 members and 60 other countries
 * reporting their imports and exports of 12 items, nine of them strategic, with 120 partners, over the years),
 * imports it through the command line ({@code import-faostat-trade}, as a file beyond the upload limit is), and
 * times a bare COPY of the same file into an unindexed table in the same run; then starts the platform on that
 * database with demo balance sheets and has 16 clients ask the strategy summary and the who-can-supply-whom table.
 * Run through {@code bench/trade-matrix.sh}.
 */
public final class TradeMatrixBenchmark {

	/** FAO item codes: nine of the platform's trade items and three others (coffee, tea, cocoa beans). */
	static final int[][] ITEMS = { { 15, 111 }, { 16, 23110 }, { 27, 113 }, { 31, 2316102 }, { 56, 112 }, { 83, 114 },
			{ 257, 2165 }, { 162, 2351101 }, { 201, 1704 }, { 656, 1610 }, { 667, 1620 }, { 661, 1640 } };

	static final int[] ELEMENTS = { 5610, 5622, 5910, 5922 };

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
		Path work = Files.createTempDirectory("fse-bench-");
		Path file = work.resolve("Trade_DetailedTradeMatrix_E_All_Data_(Normalized).csv");
		try {
			long written = generate(file, rows);
			System.out.printf("generated %,d rows (%,d MB)%n", written, Files.size(file) >> 20);
			String dataDir = "--fse.data-dir=" + work.resolve("data");

			long start = System.nanoTime();
			int status = TradeMatrixCommand.run(FseApplication.class,
					new String[] { TradeMatrixCommand.NAME, file.toString(), dataDir, "--logging.level.root=WARN" });
			double commandSeconds = (System.nanoTime() - start) / 1e9;
			if (status != 0) {
				throw new IllegalStateException("the import command ended with " + status);
			}

			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
				.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
				.run(dataDir, "--fse.demo=true", "--server.port=0")) {
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				long importMs = jdbc.sql("SELECT duration_ms FROM strategy.import_run ORDER BY id DESC LIMIT 1")
					.query(Long.class).single();
				long flows = jdbc.sql("SELECT count(*) FROM strategy.trade_flow").query(Long.class).single();
				double copySeconds = FbsImportBenchmark.bareCopy(context.getBean(DataSource.class), file,
						"rc text, rm text, rn text, pc text, pm text, pn text, ic text, icpc text, item text, ec text, "
								+ "element text, yc text, year text, unit text, value text, flag text",
						"FORMAT csv, HEADER true, ENCODING 'LATIN1'");
				System.out.println();
				System.out.println("| measure | value |");
				System.out.println("|---|---|");
				System.out.printf("| rows in file | %,d |%n", written);
				System.out.printf("| flows stored | %,d |%n", flows);
				System.out.printf("| import command, start to end (platform start included) | %.2f s |%n", commandSeconds);
				System.out.printf("| the import itself (its record: read, COPY to staging, merge, commit) | %.2f s |%n",
						importMs / 1000.0);
				System.out.printf("| bare COPY of the same file into an unindexed table | %.2f s |%n", copySeconds);
				System.out.printf("| import / bare COPY (target 3, aim 1.5) | %.2f |%n", importMs / 1000.0 / copySeconds);
				System.out.printf("| whole command / bare COPY | %.2f |%n", commandSeconds / copySeconds);

				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				String base = "http://localhost:" + port;
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				String[] commodities = { "wheat", "rice", "maize", "sorghum", "palm_oil", "sugar", "pulses" };
				List<String> deficits = new ArrayList<>(jdbc.sql("SELECT iso3 FROM countries.country ORDER BY iso3")
					.query(String.class).list());
				// The figures are kept for a minute: first (after the server has warmed up on other answers), each
				// commodity's summary and its suppliers computed afresh, as the first reader after a change meets them.
				for (int i = 0; i < 300; i++) {
					TradeBoardBenchmark.timed(http, base + (i % 2 == 0 ? "/api/v1/countries" : "/api/v1/commodities"), null);
				}
				long[] coldSummary = new long[commodities.length];
				long[] coldSuppliers = new long[commodities.length];
				for (int i = 0; i < commodities.length; i++) {
					coldSummary[i] = TradeBoardBenchmark.timed(http, base + "/api/v1/strategy/" + commodities[i], null);
					coldSuppliers[i] = TradeBoardBenchmark.timed(http,
							base + "/api/v1/strategy/" + commodities[i] + "/suppliers?for=YEM", null);
				}
				TradeBoardBenchmark.Row summaries = TradeBoardBenchmark.Row.of("", coldSummary);
				TradeBoardBenchmark.Row needs = TradeBoardBenchmark.Row.of("", coldSuppliers);
				System.out.printf("| strategy summary computed afresh (%d commodities): median, slowest | %.1f ms, %.1f ms |%n",
						commodities.length, summaries.p50(), coldSummary[coldSummary.length - 1] / 1e6);
				System.out.printf("| who-can-supply-whom computed afresh (%d commodities): median, slowest | %.1f ms, %.1f ms |%n",
						commodities.length, needs.p50(), coldSuppliers[coldSuppliers.length - 1] / 1e6);
				AtomicInteger next = new AtomicInteger();
				List<TradeBoardBenchmark.Row> table = new ArrayList<>();
				table.add(TradeBoardBenchmark.load("liveness probe (baseline)", http, requests,
						() -> base + "/actuator/health/liveness", null));
				table.add(TradeBoardBenchmark.load("strategy summary (API)", http, requests,
						() -> base + "/api/v1/strategy/" + commodities[next.getAndIncrement() % commodities.length], null));
				table.add(TradeBoardBenchmark.load("who can supply whom (API, one member)", http, requests, () -> {
					int i = next.getAndIncrement();
					return base + "/api/v1/strategy/" + commodities[i % commodities.length] + "/suppliers?for="
							+ deficits.get(i % deficits.size());
				}, null));
				System.out.println();
				System.out.printf("%-40s %9s %9s %9s %9s %10s%n", "16 clients", "requests", "p50 ms", "p90 ms", "p99 ms",
						"p99/base");
				double baseline = table.get(0).p99();
				for (TradeBoardBenchmark.Row row : table) {
					System.out.printf("%-40s %9d %9.1f %9.1f %9.1f %10.1f%n", row.name(), row.count(), row.p50(),
							row.p90(), row.p99(), row.p99() / baseline);
				}
				System.out.println();
				System.out.println("targets: import within 3x a bare COPY (1.5x the aim); summary and suppliers p99 under"
						+ " 200 ms with 16 clients");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	static long generate(Path file, int rows) throws IOException {
		Random random = new Random(7);
		int[] reporters = new int[117];
		System.arraycopy(FbsImportBenchmark.FAO_AREAS, 0, reporters, 0, 57);
		for (int i = 0; i < 60; i++) {
			reporters[57 + i] = 300 + i; // outside the OIC in FAO's numbering used here
		}
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
			out.write("Reporter Country Code,Reporter Country Code (M49),Reporter Countries,Partner Country Code,"
					+ "Partner Country Code (M49),Partner Countries,Item Code,Item Code (CPC),Item,Element Code,Element,"
					+ "Year Code,Year,Unit,Value,Flag\r\n");
			outer: for (int year = 2023; year > 1900; year--) {
				for (int reporter : reporters) {
					for (int p = 0; p < 120; p++) {
						int partner = reporters[(p * 7 + reporter) % reporters.length];
						if (partner == reporter) {
							continue;
						}
						for (int[] item : ITEMS) {
							for (int element : ELEMENTS) {
								if (written == rows) {
									break outer;
								}
								String unit = element == 5610 || element == 5910 ? "t" : "1000 US$";
								out.write(reporter + ",'000,\"Country " + reporter + "\"," + partner + ",'000,\"Country "
										+ partner + "\"," + item[0] + ",'" + item[1] + ",\"Item " + item[0] + "\","
										+ element + ",Element," + year + "," + year + "," + unit + ","
										+ (random.nextInt(10_000_000) / 100.0) + ",A\r\n");
								written++;
							}
						}
					}
				}
			}
		}
		return written;
	}

}
