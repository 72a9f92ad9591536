package org.iofs.fse.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.iofs.fse.FseApplication;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.internal.SeriesIndicators;
import org.iofs.fse.prices.importing.PriceImportReport;
import org.iofs.fse.prices.importing.WfpPriceImporter;
import org.iofs.fse.shared.imports.ProblemPolicy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a WFP global prices file of N rows in S series (markets of the 57 members x staples, monthly up to the
 * current month), imports it through the platform's importer (its time includes computing and storing every
 * series' IPA and ALPS), times a bare COPY of the same file into an unindexed table, re-imports the unchanged file,
 * and recomputes every indicator of every series from the database back into it. Prints the figures and the ratios.
 * Run through {@code bench/price-import.sh}, on a throwaway embedded PostgreSQL.
 */
public final class PriceImportBenchmark {

	/**
	 * The heap in use, sampled every 5 ms: what the import holds at once, garbage not yet collected included. The sum
	 * of the heap pools' peaks (also printed) adds peaks reached at different moments, so it can exceed -Xmx.
	 */
	static final HeapSampler HEAP_IN_USE = new HeapSampler();

	static final class HeapSampler {

		private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

		HeapSampler() {
			Thread sampler = new Thread(() -> {
				java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
				while (true) {
					long used = memory.getHeapMemoryUsage().getUsed();
					peak.accumulateAndGet(used, Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();
		}

		void reset() {
			peak.set(0);
		}

		long peak() {
			return peak.get();
		}

	}

	static final List<String> STAPLES = List.of("Wheat", "Rice", "Maize", "Sorghum", "Millet", "Wheat flour",
			"Sugar", "Lentils", "Cassava", "Beans");

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
		int series = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		Path work = Files.createTempDirectory("fse-bench-");
		Path file = work.resolve("wfp_food_prices_global.csv");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.org.iofs.fse.prices.importing=DEBUG", "logging.level.org.iofs.fse.prices.internal.SeriesIndicators=DEBUG")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false")) {
			Caller bench = new Caller(null, "benchmark", "Benchmark", null, Set.of(Grant.global(Role.ADMIN)));
			CallerPrincipal principal = () -> bench;
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
			List<String> members = context.getBean(Countries.class).all().stream().map(Country::iso3).toList();
			long written = generate(file, rows, series, members);
			System.out.printf("generated %,d rows in %,d series (%,d MB) in %s%n", written, series, Files.size(file) >> 20,
					file);
			WfpPriceImporter importer = context.getBean(WfpPriceImporter.class);

			System.gc();
			FbsImportBenchmark.resetPeaks();
			HEAP_IN_USE.reset();
			long start = System.nanoTime();
			PriceImportReport report = importer.importFile(file, file.getFileName().toString(), null, ProblemPolicy.REJECT);
			double importSeconds = (System.nanoTime() - start) / 1e9;
			long peakHeap = FbsImportBenchmark.peakHeap();
			long peakInUse = HEAP_IN_USE.peak();
			double copySeconds = bareCopy(context.getBean(DataSource.class), file);

			FbsImportBenchmark.resetPeaks();
			HEAP_IN_USE.reset();
			start = System.nanoTime();
			PriceImportReport again = importer.importFile(file, file.getFileName().toString(), null, ProblemPolicy.REJECT);
			double againSeconds = (System.nanoTime() - start) / 1e9;
			long againHeap = FbsImportBenchmark.peakHeap();
			long againInUse = HEAP_IN_USE.peak();

			List<Long> ids = context.getBean(JdbcClient.class).sql("SELECT id FROM prices.series").query(Long.class).list();
			FbsImportBenchmark.resetPeaks();
			HEAP_IN_USE.reset();
			start = System.nanoTime();
			new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
				.executeWithoutResult(status -> context.getBean(SeriesIndicators.class).recompute(ids));
			double indicatorSeconds = (System.nanoTime() - start) / 1e9;
			long indicatorHeap = FbsImportBenchmark.peakHeap();
			long indicatorInUse = HEAP_IN_USE.peak();

			System.out.println();
			System.out.println("import: " + report.message());
			System.out.println("re-import: " + again.message());
			System.out.println("| measure | value |");
			System.out.println("|---|---|");
			System.out.printf("| rows in file, series | %,d, %,d |%n", report.rowsRead(), ids.size());
			System.out.printf("| import with every indicator stored (%s) | %.2f s, heap in use at most %d MB (sum of the pools' "
					+ "peaks %d MB; -Xmx %d MB) |%n", report.outcome(), importSeconds, peakInUse >> 20, peakHeap >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
			System.out.printf("| bare COPY of the same file into an unindexed table | %.2f s |%n", copySeconds);
			System.out.printf("| import / bare COPY (target 3, aim 1.5) | %.2f |%n", importSeconds / copySeconds);
			System.out.printf("| re-import of the unchanged file (%s) | %.2f s, heap in use at most %d MB (pools %d MB) |%n", again.outcome(),
					againSeconds, againInUse >> 20, againHeap >> 20);
			System.out.printf("| re-import / bare COPY (target 2) | %.2f |%n", againSeconds / copySeconds);
			System.out.printf("| every IPA and ALPS of every series, from the database back into it (target 30 s) | "
					+ "%.2f s, heap in use at most %d MB (pools %d MB) |%n", indicatorSeconds, indicatorInUse >> 20,
					indicatorHeap >> 20);
		}
		finally {
			// The throwaway database and the generated file take gigabytes.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	static long generate(Path file, int rows, int series, List<String> members) throws java.io.IOException {
		Random random = new Random(42);
		int months = Math.max(1, rows / series);
		YearMonth last = YearMonth.now();
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("countryiso3,date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,"
					+ "pricetype,currency,price,usdprice\n");
			for (int s = 0; s < series && written < rows; s++) {
				String country = members.get(s % members.size());
				String commodity = STAPLES.get((s / members.size()) % STAPLES.size());
				int market = s / (members.size() * STAPLES.size());
				double level = 20 + random.nextDouble() * 80;
				for (int m = months - 1; m >= 0 && written < rows; m--) {
					YearMonth month = last.minusMonths(m);
					double price = level * (1 + 0.05 * Math.sin(month.getMonthValue() * Math.PI / 6))
							* (1 + (random.nextDouble() - 0.5) * 0.05) * (1 + 0.002 * (months - m));
					out.write(country + "," + month.atDay(15) + ",Region,District,Market " + market + ",10.5,20.5,"
							+ "cereals and tubers," + commodity + ",KG,actual,Retail,USD,"
							+ String.format(Locale.ROOT, "%.2f", price) + ","
							+ String.format(Locale.ROOT, "%.2f", price) + "\n");
					written++;
				}
			}
		}
		return written;
	}

	static double bareCopy(DataSource dataSource, Path file) throws Exception {
		return FbsImportBenchmark.bareCopy(dataSource, file, "countryiso3 text, date text, admin1 text, admin2 text, "
				+ "market text, latitude text, longitude text, category text, commodity text, unit text, "
				+ "priceflag text, pricetype text, currency text, price text, usdprice text", "FORMAT csv, HEADER true");
	}

}
