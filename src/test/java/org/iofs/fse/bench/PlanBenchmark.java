package org.iofs.fse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iofs.fse.FseApplication;
import org.iofs.fse.allocation.internal.DemoModes;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * A whole plan through the platform, as the Secretariat asks for one: POST /api/v1/allocation/plans with a demand
 * for every commodity of every member state, timed from the request to the answer (inputs read from the database,
 * model built, solved, plan saved with its lines, model and solution). The problem is {@code bench/allocation.sh}'s:
 * each hub holds two lots of every commodity (received through the API), reaches every member's delivery point by
 * sea, rail and road costed as the demo network, a quarter of the routes with a capacity; with transfers, each hub
 * also reaches the next two by road. Each size runs on a platform of its own, three plans in a row. Run through
 * {@code bench/allocation-plan.sh}.
 */
public final class PlanBenchmark {

	static final int MEMBERS = 57;

	static final List<String> COMMODITIES = List.of("wheat", "rice", "maize", "sorghum", "millet", "barley", "cassava",
			"palm_oil");

	static final int PLANS = 3;

	record Size(int hubs, int commodities, boolean transfers) {
	}

	public static void main(String[] args) throws Exception {
		List<Size> sizes = args.length > 0
				? List.of(new Size(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 8,
						args.length > 2 && Boolean.parseBoolean(args[2])))
				: List.of(new Size(60, 8, false), new Size(60, 8, true), new Size(500, 4, false));
		List<String> rows = new ArrayList<>();
		for (Size size : sizes) {
			rows.add(run(size));
		}
		System.out.println("| hubs | commodities | transfers | lots | routes | demands | variables"
				+ " | plan 1, 2, 3 (ms, request to answer) | solver's time in each (ms) | status |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	static String run(Size size) throws Exception {
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://localhost:" + port;
			String token = "Bearer " + StockLedgerBenchmark.token(http, base);
			Random random = new Random(size.hubs() * 31L + size.commodities());
			List<String> commodities = COMMODITIES.subList(0, size.commodities());
			LocalDate today = LocalDate.now();

			List<String> members = jdbc.sql("SELECT iso3 FROM countries.country ORDER BY iso3 LIMIT :n")
				.param("n", MEMBERS).query(String.class).list();
			double[][] points = new double[members.size()][];
			for (int m = 0; m < members.size(); m++) {
				points[m] = new double[] { -10 + random.nextDouble() * 50, -15 + random.nextDouble() * 130 };
				jdbc.sql("""
						INSERT INTO allocation.delivery_point (code, country_iso3, name, kind, latitude, longitude, main)
						VALUES (:code, :country, :code, 'PORT', :lat, :lon, true)
						""").param("code", "P-" + members.get(m)).param("country", members.get(m))
					.param("lat", points[m][0]).param("lon", points[m][1]).update();
			}
			double[][] hubs = new double[size.hubs()][];
			double supply = 0;
			int lots = 0;
			for (int h = 0; h < size.hubs(); h++) {
				hubs[h] = new double[] { -10 + random.nextDouble() * 50, -15 + random.nextDouble() * 130 };
				jdbc.sql("""
						INSERT INTO reserves.hub (code, name, kind, country_iso3, latitude, longitude)
						VALUES (:code, :code, 'WAREHOUSE', :country, :lat, :lon)
						""").param("code", "H" + h).param("country", members.get(h % members.size()))
					.param("lat", hubs[h][0]).param("lon", hubs[h][1]).update();
				for (String commodity : commodities) {
					for (int l = 0; l < 2; l++) {
						int tonnes = 200 + random.nextInt(3000);
						supply += tonnes;
						send(http, base + "/api/v1/hubs/H" + h + "/receipts", "{\"commodity\": \"" + commodity
								+ "\", \"tonnes\": " + tonnes + ", \"bestBefore\": \"" + today.plusDays(20 + random.nextInt(700))
								+ "\"}", token, 201);
						lots++;
					}
				}
			}
			int routes = routes(context.getBean(JdbcTemplate.class), size, hubs, points, members, random);
			jdbc.sql("ANALYZE").update();

			StringBuilder demands = new StringBuilder();
			double perDemand = supply / commodities.size() / members.size();
			for (String member : members) {
				for (String commodity : commodities) {
					demands.append(demands.isEmpty() ? "" : ",")
						.append("{\"country\": \"").append(member).append("\", \"commodity\": \"").append(commodity)
						.append("\", \"tonnes\": ").append(Math.round(perDemand * (0.4 + random.nextDouble() * 0.8)))
						.append(", \"needBy\": \"").append(today.plusDays(15 + random.nextInt(45)))
						.append("\", \"priority\": ").append(1 + random.nextInt(5)).append('}');
				}
			}
			String request = "{\"label\": \"bench\", \"demands\": [" + demands + "], \"settings\": {\"transshipment\": "
					+ size.transfers() + "}}";
			List<String> millis = new ArrayList<>();
			List<String> solver = new ArrayList<>();
			String status = "";
			for (int p = 0; p < PLANS; p++) {
				long start = System.nanoTime();
				String answer = send(http, base + "/api/v1/allocation/plans", request, token, 201);
				millis.add(String.format("%,d", (System.nanoTime() - start) / 1_000_000));
				solver.add(field(answer, "solveMillis"));
				status = field(answer, "status").replace("\"", "");
			}
			long variables = jdbc.sql("SELECT variables FROM allocation.plan ORDER BY id DESC LIMIT 1")
				.query(Long.class).single();
			return String.format("| %d | %d | %s | %,d | %,d | %,d | %,d | %s | %s | %s |", size.hubs(), size.commodities(),
					size.transfers() ? "yes" : "no", lots, routes, members.size() * commodities.size(), variables,
					String.join(", ", millis), String.join(", ", solver), status);
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** Every hub to every member's point by each mode; with transfers, to the next two hubs by road. */
	static int routes(JdbcTemplate jdbc, Size size, double[][] hubs, double[][] points, List<String> members,
			Random random) {
		List<Object[]> toPoints = new ArrayList<>();
		List<Object[]> toHubs = new ArrayList<>();
		for (int h = 0; h < hubs.length; h++) {
			for (int m = 0; m < points.length; m++) {
				double km = DemoModes.greatCircleKm(hubs[h][0], hubs[h][1], points[m][0], points[m][1]);
				for (DemoModes mode : DemoModes.values()) {
					toPoints.add(new Object[] { "H" + h, "P-" + members.get(m), mode.name(), mode.costPerTonne(km),
							mode.transitDays(km), random.nextInt(4) == 0 ? 1000 + random.nextInt(5000) : null });
				}
			}
			if (size.transfers()) {
				for (int k = 1; k <= 2; k++) {
					int other = (h + k) % hubs.length;
					double km = DemoModes.greatCircleKm(hubs[h][0], hubs[h][1], hubs[other][0], hubs[other][1]);
					toHubs.add(new Object[] { "H" + h, "H" + other, DemoModes.ROAD.costPerTonne(km),
							DemoModes.ROAD.transitDays(km) });
				}
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO allocation.route (origin_hub, to_point, mode, cost_per_tonne, transit_days, capacity_tonnes)
				VALUES (?, ?, ?, ?, ?, ?)
				""", toPoints);
		jdbc.batchUpdate("""
				INSERT INTO allocation.route (origin_hub, to_hub, mode, cost_per_tonne, transit_days)
				VALUES (?, ?, 'ROAD', ?, ?)
				""", toHubs);
		return toPoints.size() + toHubs.size();
	}

	static String send(HttpClient http, String url, String body, String token, int expected) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", token)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** A field's value in a flat JSON answer. */
	static String field(String json, String name) {
		int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
		int end = start;
		while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
			end++;
		}
		return json.substring(start, end);
	}

}
