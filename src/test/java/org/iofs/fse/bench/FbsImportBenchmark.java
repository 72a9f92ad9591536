package org.iofs.fse.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.iofs.fse.FseApplication;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.foodbalance.importing.FaostatImporter;
import org.iofs.fse.foodbalance.importing.ImportReport;
import org.iofs.fse.shared.imports.ProblemPolicy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Generates a FAOSTAT normalized Food Balances file of N rows (57 members, FBS items, 14 elements, years), imports
 * it through the platform's importer, then times a bare COPY of the same file into an unindexed table, and prints
 * rows per second, peak heap and the ratio. Run through {@code bench/fbs-import.sh}, on a throwaway embedded
 * PostgreSQL.
 */
public final class FbsImportBenchmark {

	static final int[] FAO_AREAS = { 2, 3, 4, 52, 13, 16, 53, 26, 233, 32, 39, 45, 107, 72, 59, 74, 75, 90, 175, 91, 101,
			102, 103, 112, 108, 118, 113, 121, 124, 131, 132, 133, 136, 143, 144, 158, 159, 221, 165, 299, 179, 194, 195,
			197, 201, 276, 207, 212, 208, 217, 222, 223, 213, 226, 225, 235, 249 };

	static final int[] ELEMENTS = { 5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5154, 5171, 5170, 5142, 645 };

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
		Path work = Files.createTempDirectory("fse-bench-");
		Path file = work.resolve("FoodBalanceSheets_E_All_Data_(Normalized).csv");
		long written = generate(file, rows);
		System.out.printf("generated %,d rows (%,d MB) in %s%n", written, Files.size(file) >> 20, file);

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"logging.level.org.iofs.fse.foodbalance.importing=DEBUG")
			// Arguments, not default properties: those rank below application.yml, whose data directory is ./data.
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false")) {
			Caller bench = new Caller(null, "benchmark", "Benchmark", null, Set.of(Grant.global(Role.ADMIN)));
			CallerPrincipal principal = () -> bench;
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
			FaostatImporter importer = context.getBean(FaostatImporter.class);

			System.gc();
			resetPeaks();
			long start = System.nanoTime();
			ImportReport report = importer.importFile(file, file.getFileName().toString(), ProblemPolicy.REJECT);
			double importSeconds = (System.nanoTime() - start) / 1e9;
			long peakHeap = peakHeap();

			double copySeconds = bareCopy(context.getBean(DataSource.class), file);

			System.out.println();
			System.out.println("| measure | value |");
			System.out.println("|---|---|");
			System.out.printf("| rows in file | %,d |%n", report.rowsRead());
			System.out.printf("| values inserted | %,d |%n", report.inserted());
			System.out.printf("| import (parse, COPY to staging, merge, commit) | %.2f s |%n", importSeconds);
			System.out.printf("| import rate | %,.0f rows/s |%n", report.rowsRead() / importSeconds);
			System.out.printf("| peak heap during import (-Xmx %d MB) | %d MB |%n",
					Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
			System.out.printf("| bare COPY of the same file into an unindexed table | %.2f s |%n", copySeconds);
			System.out.printf("| import / bare COPY | %.2f |%n", importSeconds / copySeconds);
			System.out.printf("| outcome | %s |%n", report.outcome());

			resetPeaks();
			start = System.nanoTime();
			ImportReport again = importer.importFile(file, file.getFileName().toString(), ProblemPolicy.REJECT);
			System.out.printf("| re-import of the same file (%s) | %.2f s, peak heap %d MB |%n", again.outcome(),
					(System.nanoTime() - start) / 1e9, peakHeap() >> 20);
		}
		finally {
			// The throwaway database and the generated file take gigabytes.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	static long generate(Path file, int rows) throws IOException {
		Random random = new Random(42);
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
			out.write("Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag,Note\r\n");
			int years = Math.max(1, rows / (FAO_AREAS.length * ELEMENTS.length * 100) + 1);
			outer: for (int year = 2000; year < 2000 + years * 4; year++) {
				for (int item = 2511; item < 2511 + 100; item++) {
					for (int area : FAO_AREAS) {
						for (int element : ELEMENTS) {
							if (written == rows) {
								break outer;
							}
							String unit = element == 645 ? "kg" : "1000 t";
							out.write(area + ",'000,Area " + area + "," + item + ",'S" + item + ",Item " + item + ","
									+ element + ",Element " + element + "," + year + "," + year + "," + unit + ","
									+ (random.nextInt(1_000_000) / 100.0) + ",E,\r\n");
							written++;
						}
					}
				}
			}
		}
		return written;
	}

	static double bareCopy(DataSource dataSource, Path file) throws Exception {
		return bareCopy(dataSource, file, "area_code text, m49 text, area text, item_code text, item_fbs text, "
				+ "item text, element_code text, element text, year_code text, year text, unit text, value text, "
				+ "flag text, note text", "FORMAT csv, HEADER true, ENCODING 'LATIN1'");
	}

	/** Seconds a bare COPY of the file takes into an unindexed temporary table of these columns: the baseline. */
	static double bareCopy(DataSource dataSource, Path file, String columns, String options) throws Exception {
		try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
			connection.createStatement().execute("CREATE TEMPORARY TABLE bare_copy (" + columns + ")");
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bare_copy FROM STDIN (" + options + ")", in);
			return (System.nanoTime() - start) / 1e9;
		}
	}

	static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
