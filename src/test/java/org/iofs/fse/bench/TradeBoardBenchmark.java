package org.iofs.fse.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.iofs.fse.FseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The IFPA board at scale: 100,000 published offers and requests from 20,000 companies (names in three languages,
 * specifications, places), generated in set-based SQL on a throwaway embedded PostgreSQL. Then, under 16 concurrent
 * HTTP clients, the board page filtered by commodity, side and Incoterm (ranked newest first, 50 a page) and the
 * board's full-text search (company names in Arabic, English and French, specifications, commodity names), each
 * timed over thousands of requests after a warm-up; as a baseline in the same run, the same clients on the
 * platform's liveness probe (no database, no page). The platform keeps the board's answers until the board changes:
 * the page and the search are measured again while the board changes every second (a take from an offer or a
 * request to buy published, in turn; {@code -DchangeEvery}, in ms). Then matching one buy request against the board
 * (one client).
 * Run through {@code bench/trade-board.sh}.
 */
public final class TradeBoardBenchmark {

	static final int CLIENTS = Integer.getInteger("clients", 16);

	/** With wrk: how long each measure runs, after {@link #WARM_UP_SECONDS} of the same requests. */
	static final int SECONDS = Integer.getInteger("seconds", 20);

	static final int WARM_UP_SECONDS = 5;

	/** Seconds to keep the generated board served before measuring, to look at it or profile it by hand. */
	static final int HOLD_SECONDS = Integer.getInteger("hold", 0);

	/** How often the board changes in the measures that change it, in milliseconds. */
	static final long CHANGE_EVERY = Long.getLong("changeEvery", 1_000);

	/** Only the measures whose name contains this (all when empty), to profile one of them. */
	static final String ONLY = System.getProperty("only", "");

	static final String[] COMMODITIES = { "wheat", "rice", "maize", "sorghum", "palm_oil", "sugar", "cassava",
			"millet", "dates", "soybeans" };

	static final String[] HS = { "1001", "1006", "1005", "1007", "1511", "1701", "0714", "1008", "0804", "1201" };

	static final String[] INCOTERMS = { "FOB", "CFR", "CIF", "FCA", "DAP", "EXW" };

	/**
	 * Words people search for: company-name words in the three languages, specification words, commodity names, and
	 * a company's own name or number (a few offers among 100,000).
	 */
	static final String[] QUERIES = { "golden", "crescent", "harvest", "الهلال", "الذهبي", "الحصاد", "croissant",
			"moisson", "doré", "durum", "parboiled", "fortified", "wheat", "riz", "القمح", "Oasis", "الواحة", "sahel",
			"19191", "Noor Unity Oils 19191", "12345" };

	/** A word no generated offer or company holds. */
	static final String NO_MATCH = "zzqxwv";

	public static void main(String[] args) throws Exception {
		int offers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int companies = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		int requests = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			generate(jdbc, companies, offers);
			// A board in steady state: autovacuum has been by since the offers were published (it sets the
			// visibility map that lets a count read an index alone).
			jdbc.sql("VACUUM ANALYZE").update();
			System.out.printf("generated %,d companies and %,d published offers and requests in %.1f s%n", companies,
					offers, (System.nanoTime() - started) / 1e9);

			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://localhost:" + port;
			String token = "Bearer " + StockLedgerBenchmark.token(http, base);
			String frame = http.send(HttpRequest.newBuilder(URI.create(base + "/trade?q=" + NO_MATCH)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			if (frame.contains("data-offer=")) {
				throw new IllegalStateException("the no-match search found offers: " + NO_MATCH);
			}
			List<Measure> measures = List.of(
					new Measure("liveness probe (baseline)", List.of("/actuator/health/liveness"), null),
					// The page with no row: its layout, filters and one search that matches nothing. What a page of
					// this frame costs before any offer is drawn, for reading the board's figures against.
					new Measure("board page, no match (frame only)", List.of("/trade?q=" + NO_MATCH), null),
					new Measure("board page: commodity, side, Incoterm", filteredBoards(), null),
					new Measure("board page: commodity only",
							Arrays.stream(COMMODITIES).map(c -> "/trade?commodity=" + c).toList(), null),
					new Measure("full-text search (ar, en, fr)", Arrays.stream(QUERIES)
						.map(q -> "/trade?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
						.toList(), null),
					new Measure("board API: commodity, side", Arrays.stream(COMMODITIES)
						.map(c -> "/api/v1/trade/offers?commodity=" + c + "&side=SELL")
						.toList(), token),
					// The same two while the board changes every CHANGE_EVERY ms: each change makes the platform
					// forget the answers it alters and read them again.
					new Measure("board page: c, s, I; changing", filteredBoards(), null, CHANGE_EVERY),
					new Measure("full-text search; changing", Arrays.stream(QUERIES)
						.map(q -> "/trade?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
						.toList(), null, CHANGE_EVERY));
			if (HOLD_SECONDS > 0) {
				System.out.println("holding " + base + " for " + HOLD_SECONDS + " s");
				Thread.sleep(HOLD_SECONDS * 1000L);
			}
			System.out.println("board answers kept between changes: fse.trade.board.answers = "
					+ context.getEnvironment().getProperty("fse.trade.board.answers", "its default") + " (0 keeps none)");
			boolean wrk = WrkLoad.available() && !"java".equals(System.getenv("BENCH_CLIENT"));
			System.out.println(wrk ? "clients: wrk, " + CLIENTS + " connections, " + SECONDS + " s a measure after "
					+ WARM_UP_SECONDS + " s of warm-up" : "clients: " + CLIENTS + " Java HTTP clients in this JVM");
			if (wrk) {
				// Every measure's code compiled first (the baseline's, the pages' and the API's in turns, the board
				// changing as in the changing measures), as on a server in service.
				System.out.println("warm-up: " + SteadyState.warmUp(0, round -> {
					for (Measure measure : measures) {
						try (var changes = BoardChanges.every(measure.changeEvery(), jdbc, http, base, token)) {
							WrkLoad.get(base, measure.token(), Math.max(1, round / measures.size()), CLIENTS,
									measure.paths());
						}
					}
				}).describe());
			}
			List<Row> rows = new ArrayList<>();
			for (Measure measure : measures) {
				if (!ONLY.isEmpty() && !measure.name().contains(ONLY)) {
					continue;
				}
				try (BoardChanges changes = BoardChanges.every(measure.changeEvery(), jdbc, http, base, token)) {
					rows.add(wrk ? wrkLoad(base, measure) : load(measure.name(), http, requests, measure.address(base),
							measure.token()));
					if (measure.changeEvery() > 0) {
						System.out.printf("%s: %d changes made (takes and requests published in turn), %d refused%n",
								measure.name(), changes.made(), changes.refused());
						if (changes.refused() > 0 || changes.made() == 0) {
							throw new IllegalStateException(measure.name() + ": the board did not change as asked");
						}
					}
				}
			}

			List<Long> buys = jdbc.sql("SELECT id FROM trade.offer WHERE side = 'BUY' ORDER BY id LIMIT 400")
				.query(Long.class).list();
			Row matching = sequential("matching one buy request (1 client)", http, buys, base, token);

			System.out.println();
			System.out.printf("%-40s %9s %9s %9s %9s %10s%n", "measure", "requests", "p50 ms", "p90 ms", "p99 ms",
					"p99/base");
			double baseline = rows.get(0).p99();
			for (Row row : rows) {
				System.out.printf("%-40s %9d %9.1f %9.1f %9.1f %10.1f%n", row.name(), row.count(), row.p50(), row.p90(),
						row.p99(), row.p99() / baseline);
			}
			System.out.printf("%-40s %9d %9.1f %9.1f %9.1f %10s%n", matching.name(), matching.count(), matching.p50(),
					matching.p90(), matching.p99(), "");
			System.out.println();
			System.out.println("targets: board page and full-text search p99 under 50 ms with 16 clients; matching one"
					+ " request under 200 ms");
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/**
	 * A measure: addresses drawn at random, with the bearer token they need (null for public pages), the board
	 * changed every {@code changeEvery} ms while it runs (0: not changed).
	 */
	record Measure(String name, List<String> paths, String token, long changeEvery) {

		Measure(String name, List<String> paths, String token) {
			this(name, paths, token, 0);
		}

		Address address(String base) {
			return () -> base + paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
		}

	}

	/** Every commodity, side and Incoterm the generated board holds. */
	static List<String> filteredBoards() {
		List<String> paths = new ArrayList<>();
		for (String commodity : COMMODITIES) {
			for (String side : new String[] { "SELL", "BUY" }) {
				for (String incoterm : INCOTERMS) {
					paths.add("/trade?commodity=" + commodity + "&side=" + side + "&incoterm=" + incoterm);
				}
			}
		}
		return paths;
	}

	/** The measure through wrk: a warm-up, then SECONDS of CLIENTS connections asking without pause. */
	static Row wrkLoad(String base, Measure measure) throws Exception {
		WrkLoad.get(base, measure.token(), WARM_UP_SECONDS, CLIENTS, measure.paths());
		long compilingBefore = SteadyState.compilingMillis();
		WrkLoad.Latencies figures = WrkLoad.get(base, measure.token(), SECONDS, CLIENTS, measure.paths());
		System.out.printf("%s: the compilers busy %,d ms of the %d s measured%n", measure.name(),
				SteadyState.compilingMillis() - compilingBefore, SECONDS);
		if (figures.notOk() > 0 || figures.socketErrors() > 0) {
			throw new IllegalStateException(measure.name() + ": " + figures.notOk() + " answers not 200, "
					+ figures.socketErrors() + " socket errors (" + figures.socketErrorsSaid() + ")");
		}
		return new Row(measure.name(), (int) figures.requests(), figures.p50(), figures.p90(), figures.p99());
	}

	record Row(String name, int count, double p50, double p90, double p99) {

		static Row of(String name, long[] nanos) {
			Arrays.sort(nanos);
			return new Row(name, nanos.length, StockLedgerBenchmark.percentile(nanos, 0.50),
					StockLedgerBenchmark.percentile(nanos, 0.90), StockLedgerBenchmark.percentile(nanos, 0.99));
		}

	}

	interface Address {

		String next();

	}

	/** Sixteen clients share the requests; a fifth as many again warm the path up first, not counted. */
	static Row load(String name, HttpClient http, int requests, Address address, String token) throws Exception {
		run(http, requests / 5, address, token);
		long[] nanos = run(http, requests, address, token);
		return Row.of(name, nanos);
	}

	static long[] run(HttpClient http, int requests, Address address, String token) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long[] nanos = new long[requests];
		List<Future<?>> clients = new ArrayList<>();
		int each = requests / CLIENTS;
		for (int c = 0; c < CLIENTS; c++) {
			int first = c * each;
			clients.add(pool.submit(() -> {
				for (int i = first; i < first + each; i++) {
					nanos[i] = timed(http, address.next(), token);
				}
				return null;
			}));
		}
		for (Future<?> client : clients) {
			client.get();
		}
		pool.shutdown();
		return Arrays.copyOf(nanos, each * CLIENTS);
	}

	static Row sequential(String name, HttpClient http, List<Long> requests, String base, String token)
			throws Exception {
		for (int i = 0; i < Math.min(100, requests.size()); i++) {
			timed(http, base + "/api/v1/trade/offers/" + requests.get(i) + "/matches", token);
		}
		long[] nanos = new long[requests.size()];
		for (int i = 0; i < requests.size(); i++) {
			nanos[i] = timed(http, base + "/api/v1/trade/offers/" + requests.get(i) + "/matches", token);
		}
		return Row.of(name, nanos);
	}

	static long timed(HttpClient http, String address, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).GET();
		if (token != null) {
			request.header("Authorization", token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(address + " answered " + response.statusCode());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return System.nanoTime() - start;
	}

	/**
	 * Companies and their offers, in a few statements. As on the platform, only companies that were verified have
	 * published offers: one in ten has only applied and has none; one in a hundred was suspended after publishing,
	 * and the board must leave its offers out. Every verified or suspended company holds a Halal certificate. An
	 * offer's company, commodity, side and Incoterm are drawn independently of one another.
	 */
	static void generate(JdbcClient jdbc, int companies, int offers) {
		jdbc.sql("""
				CREATE TEMPORARY TABLE bench_words AS SELECT
				    ARRAY['Golden', 'Crescent', 'Harvest', 'Oasis', 'Sahel', 'Delta', 'Atlas', 'Nile', 'Silk Road', 'Green Valley',
				          'Baraka', 'Noor', 'Zamzam', 'Falcon', 'Cedar', 'Palm', 'Summit', 'Horizon', 'Anchor', 'Unity'] AS en,
				    ARRAY['الذهبي', 'الهلال', 'الحصاد', 'الواحة', 'الساحل', 'الدلتا', 'الأطلس', 'النيل', 'طريق الحرير', 'الوادي الأخضر',
				          'البركة', 'النور', 'زمزم', 'الصقر', 'الأرز', 'النخيل', 'القمة', 'الأفق', 'المرساة', 'الوحدة'] AS ar,
				    ARRAY['Doré', 'Croissant', 'Moisson', 'Oasis', 'Sahel', 'Delta', 'Atlas', 'Nil', 'Route de la soie',
				          'Vallée verte', 'Baraka', 'Nour', 'Zamzam', 'Faucon', 'Cèdre', 'Palmier', 'Sommet', 'Horizon', 'Ancre',
				          'Unité'] AS fr,
				    ARRAY['Foods', 'Grains', 'Trading', 'Agro', 'Mills', 'Commodities', 'Milling', 'Oils'] AS kind_en,
				    ARRAY['للأغذية', 'للحبوب', 'للتجارة', 'الزراعية', 'للمطاحن', 'للسلع', 'للطحن', 'للزيوت'] AS kind_ar,
				    ARRAY['Aliments', 'Céréales', 'Négoce', 'Agro', 'Moulins', 'Produits', 'Meunerie', 'Huiles'] AS kind_fr,
				    (SELECT array_agg(iso3 ORDER BY iso3) FROM countries.country) AS countries
				""").update();
		jdbc.sql("""
				CREATE TEMPORARY TABLE bench_company AS
				SELECT md5('bench-company-' || i)::uuid AS id, i,
				       w.countries[1 + i % cardinality(w.countries)] AS country,
				       w.en[1 + i % 20] || ' ' || w.en[1 + (i / 20) % 20] || ' ' || w.kind_en[1 + i % 8] || ' ' || i AS en,
				       'شركة ' || w.ar[1 + i % 20] || ' ' || w.ar[1 + (i / 20) % 20] || ' ' || w.kind_ar[1 + i % 8] || ' ' || i AS ar,
				       w.kind_fr[1 + i % 8] || ' ' || w.fr[1 + i % 20] || ' ' || w.fr[1 + (i / 20) % 20] || ' ' || i AS fr
				FROM generate_series(1, :companies) i, bench_words w
				""").param("companies", companies).update();
		jdbc.sql("""
				INSERT INTO organisations.organisation (id, type, country_iso3, name_en, name_ar, name_fr)
				SELECT id, 'COMPANY', country, en, ar, fr FROM bench_company
				""").update();
		jdbc.sql("""
				INSERT INTO trade.company (organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3,
				    registration_number, registry, kyc_status, verified_on)
				SELECT id, en, ar, fr, country, 'BENCH-' || i, 'Registry',
				    CASE WHEN i % 10 = 0 THEN 'APPLIED' WHEN i % 100 = 5 THEN 'SUSPENDED' ELSE 'VERIFIED' END,
				    CASE WHEN i % 10 = 0 THEN NULL ELSE current_date - 30 END
				FROM bench_company
				""").update();
		jdbc.sql("""
				INSERT INTO trade.certifying_body (code, name_en, name_ar, name_fr, country_iso3)
				VALUES ('BENCH-HCB', 'Bench halal body', 'هيئة حلال للقياس', 'Organisme halal de mesure', 'MYS')
				""").update();
		jdbc.sql("INSERT INTO trade.recognition (country_iso3, body_code) SELECT iso3, 'BENCH-HCB' FROM countries.country")
			.update();
		jdbc.sql("""
				INSERT INTO trade.halal_certificate (company_id, number, holder, body_code, accreditation_body,
				    accreditation_number, standard, edition, scope_hs, issued_on, expires_on)
				SELECT id, 'HC-' || i, en, 'BENCH-HCB', 'Accreditation body', 'AB-1', 'OIC/SMIIC 1', '2019',
				    ARRAY['1001', '1006', '1005', '1007', '1511', '1701', '0714', '1008', '0804', '1201'],
				    current_date - 300, current_date + 700
				FROM bench_company WHERE i % 10 <> 0
				""").update();
		jdbc.sql("""
				INSERT INTO trade.offer (side, company_id, commodity_code, hs_code, grade, specification, quantity_tonnes,
				    open_tonnes, min_order_tonnes, price_per_tonne, currency, incoterm, incoterm_place, origin_iso3,
				    delivery_from, delivery_until, valid_until, status, created_by, published_at, certificate_id)
				SELECT CASE WHEN sells THEN 'SELL' ELSE 'BUY' END, c.id, (:commodities)[1 + n % 10], (:hs)[1 + n % 10],
				    'GRADE_' || (1 + n % 3),
				    (ARRAY['durum, protein 12.5%', 'parboiled long grain, 5% broken', 'fortified, bagged 50 kg',
				           'bulk, moisture below 14%', 'refined, bleached, deodorised', 'ICUMSA 45', 'dried chips',
				           'organic, fair trade'])[1 + n % 8],
				    q, q, 25, (200 + n % 700)::numeric(14,2), 'USD', (:incoterms)[1 + (n / 10) % 6], c.country || ' port',
				    CASE WHEN sells THEN c.country END, current_date + 20 + n % 30, current_date + 80 + n % 30,
				    current_date + 10 + n % 50, 'PUBLISHED', 'bench', now() - make_interval(mins => n),
				    CASE WHEN sells THEN (SELECT h.id FROM trade.halal_certificate h WHERE h.company_id = c.id) END
				FROM generate_series(1, :offers) n
				CROSS JOIN LATERAL (SELECT 1 + (n * 7919 + n / 7) % :companies AS drawn) draw
				JOIN bench_company c ON c.i = CASE WHEN drawn % 10 = 0 THEN drawn - 1 ELSE drawn END
				CROSS JOIN LATERAL (SELECT (500 + (n % 40) * 250)::numeric(14,3) AS q) quantity
				-- seven in ten sell, independently of the commodity (n % 10) and the Incoterm ((n / 10) % 6)
				CROSS JOIN LATERAL (SELECT (n / 60) % 10 < 7 AS sells) side
				""").param("commodities", COMMODITIES).param("hs", HS).param("incoterms", INCOTERMS)
			.param("offers", offers).param("companies", companies).update();
	}

}
