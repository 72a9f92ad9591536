package org.iofs.fse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.FseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Fifty signed-in users on the demo data, each opening a page every two seconds (about 25 pages a second) from the
 * mix people open ({@link PageMix}): 20 s of warm-up, then the measured minute; the heap after a full collection, the
 * connection pool, threads and open files after the warm-up and after the minute; then the same users with no pause,
 * for the pages per second the server gives. Run through {@code bench/pages.sh}; the users' HTTP clients run in the
 * server's JVM, as in the other benchmarks, and take part of its two cores.
 */
public final class PagesBenchmark {

	static final int USERS = 50;

	static final int PAUSE_MS = 2_000;

	static final int WARM_UP_SECONDS = 20;

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		int flatOutSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=true", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("ANALYZE").update();
			PageMix mix = new PageMix(jdbc);
			List<PageLoad.Visitor> users = new ArrayList<>();
			for (int n = 0; n < USERS; n++) {
				users.add(PageLoad.Visitor.signedIn(port, PageMix.userOf(n)));
			}
			PageLoad.run(users, mix, WARM_UP_SECONDS, PAUSE_MS);
			ServerState afterWarmUp = ServerState.of(context);
			PageLoad.Result paced = PageLoad.run(users, mix, seconds, PAUSE_MS);
			ServerState afterMinute = ServerState.of(context);
			PageLoad.Result flatOut = PageLoad.run(users, mix, flatOutSeconds, 0);
			ServerState afterFlatOut = ServerState.of(context);

			System.out.println();
			System.out.println("| measure | " + USERS + " users, a page every 2 s, " + seconds + " s | the same users, no pause, "
					+ flatOutSeconds + " s |");
			System.out.println("|---|---|---|");
			System.out.printf("| pages opened | %,d | %,d |%n", paced.pages(), flatOut.pages());
			System.out.printf("| pages per second | %,.1f | %,.1f |%n", paced.pages() / (double) seconds,
					flatOut.pages() / (double) flatOutSeconds);
			System.out.printf("| errors (any answer but 200) | %d | %d |%n", paced.errors(), flatOut.errors());
			System.out.printf("| p50 / p90 / p99 / slowest | %s | %s |%n", paced.percentiles(), flatOut.percentiles());
			System.out.println();
			System.out.println("| server state | after the warm-up | after the paced minute | after the flat-out run |");
			System.out.println("|---|---|---|---|");
			ServerState.print(afterWarmUp, afterMinute, afterFlatOut);
			System.out.println();
			System.out.println("| page (paced run) | pages | p50 / p90 / p99 / slowest |");
			System.out.println("|---|---|---|");
			paced.byKind().forEach((kind, figures) -> System.out.printf("| %s | %s |%n", kind, figures));
			if (!paced.failures().isEmpty()) {
				System.out.println();
				System.out.println("first errors: " + paced.failures());
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

}
