package org.iofs.fse.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.postgresql.PGConnection;

import org.iofs.fse.FseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Generates a portfolio (default 10,000 published projects, each with 20 transactions, two budgets, a planned
 * disbursement, a location and a result indicator with five yearly periods) in set-based SQL, then asks the
 * platform for the whole portfolio as one IATI file over HTTP, three times, the body streamed to a file; times
 * each, samples the platform's heap, and times a bare COPY out of the same projects and transactions as the run's
 * baseline. Then validates the last file against the official 2.03 schema and counts its activities and
 * transactions. Run through {@code bench/iati-export.sh} inside {@code -Xmx256m}, on a throwaway embedded PostgreSQL.
 */
public final class IatiExportBenchmark {

	public static void main(String[] args) throws Exception {
		int projects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		Path work = Files.createTempDirectory("fse-bench-");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN")
			.run("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false", "--server.port=0",
					"--fse.admin-password=bench-admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			generate(jdbc, projects, transactions);
			jdbc.sql("VACUUM ANALYZE").update();
			System.out.printf("generated %,d published projects with %,d transactions each in %.1f s%n", projects,
					transactions, (System.nanoTime() - started) / 1e9);

			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects/iati-activities.xml")).build();
			Path file = work.resolve("iati-activities.xml");
			http.send(request, HttpResponse.BodyHandlers.ofFile(file));
			System.out.printf("warm-up export: %,d MB%n", Files.size(file) >> 20);

			double[] seconds = new double[3];
			long[] heap = new long[3];
			for (int run = 0; run < 3; run++) {
				System.gc();
				PriceImportBenchmark.HEAP_IN_USE.reset();
				long start = System.nanoTime();
				HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
				seconds[run] = (System.nanoTime() - start) / 1e9;
				heap[run] = PriceImportBenchmark.HEAP_IN_USE.peak();
				if (response.statusCode() != 200) {
					throw new IllegalStateException("the export answered " + response.statusCode());
				}
			}
			double copy = bareCopy(context.getBean(DataSource.class));

			long validation = System.nanoTime();
			SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
				.newSchema(Path.of("..", "shared", "data", "iati", "iati-activities-schema.xsd").toFile())
				.newValidator()
				.validate(new StreamSource(file.toFile()));
			double validationSeconds = (System.nanoTime() - validation) / 1e9;
			long[] counts = count(file);

			System.out.println();
			System.out.printf("| measure | run 1 | run 2 | run 3 |%n|---|---|---|---|%n");
			System.out.printf("| whole portfolio as one IATI file over HTTP (s) | %.2f | %.2f | %.2f |%n", seconds[0],
					seconds[1], seconds[2]);
			System.out.printf("| heap in use at most, sampled (MB) | %d | %d | %d |%n", heap[0] >> 20, heap[1] >> 20,
					heap[2] >> 20);
			System.out.printf("| export / bare COPY out of the same rows (%.2f s) | %.1f | %.1f | %.1f |%n", copy,
					seconds[0] / copy, seconds[1] / copy, seconds[2] / copy);
			System.out.println();
			System.out.printf("file: %,d MB, %,d activities, %,d transactions; valid against the IATI 2.03 schema "
					+ "(checked in %.1f s); heap limit %d MB%n", Files.size(file) >> 20, counts[0], counts[1],
					validationSeconds, Runtime.getRuntime().maxMemory() >> 20);
			System.out.println("target: 10,000 projects with 20 transactions each within 5 s and 256 MB of heap, valid");
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/** The portfolio, in a few set-based statements. */
	static void generate(JdbcClient jdbc, int projects, int transactions) {
		jdbc.sql("""
				INSERT INTO projects.project (code, title_en, title_ar, title_fr, description_en, description_ar,
				    description_fr, kind, stage, value_chain_stage, commodities, planned_start, planned_end, actual_start,
				    published, updated_at)
				SELECT 'BENCH-' || lpad(n::text, 6, '0'), 'Grain storage cluster ' || n, 'عنقود تخزين الحبوب ' || n,
				       'Grappe de stockage des céréales ' || n, 'Storage, milling and trade of wheat and rice, project ' || n,
				       'تخزين وطحن وتجارة القمح والأرز، المشروع ' || n, 'Stockage, meunerie et commerce du blé et du riz, projet ' || n,
				       'REGIONAL_CLUSTER', 'IMPLEMENTATION', 'STORAGE', ARRAY['wheat', 'rice'], DATE '2022-01-01',
				       DATE '2028-12-31', DATE '2022-03-01', true, now()
				FROM generate_series(1, :projects) n
				""").param("projects", projects).update();
		jdbc.sql("""
				INSERT INTO projects.project_country (project_id, country_iso3, percentage)
				SELECT p.id, c.iso3, c.share
				FROM projects.project p
				CROSS JOIN LATERAL (SELECT iso3, CASE WHEN row_number() OVER () = 1 THEN 60 ELSE 40 END AS share
				                    FROM (SELECT iso3 FROM countries.country ORDER BY md5(iso3 || p.id) LIMIT 2) two) c
				""").update();
		jdbc.sql("""
				INSERT INTO projects.project_sector (project_id, code, percentage)
				SELECT id, s.code, s.share FROM projects.project
				CROSS JOIN (VALUES ('31161', 70), ('31192', 30)) AS s (code, share)
				""").update();
		jdbc.sql("""
				INSERT INTO projects.project_organisation (project_id, position, name, ref, role, type)
				SELECT id, o.position, o.name, o.ref, o.role, '40' FROM projects.project
				CROSS JOIN (VALUES (0, 'Islamic Development Bank', 'XM-DAC-46025', 1),
				                   (1, 'Islamic Organization for Food Security', '', 3)) AS o (position, name, ref, role)
				""").update();
		jdbc.sql("""
				INSERT INTO projects.project_location (project_id, position, name_en, name_ar, name_fr, country_iso3,
				    latitude, longitude)
				SELECT c.project_id, 0, 'Main site', 'الموقع الرئيسي', 'Site principal', c.country_iso3, 12.5, 8.25
				FROM projects.project_country c WHERE c.percentage = 60
				""").update();
		jdbc.sql("""
				INSERT INTO projects.project_transaction (project_id, type, transaction_on, currency, value, value_usd,
				    financier_name, financier_ref, financier_type, mode, created_by)
				SELECT p.id, CASE WHEN t = 1 THEN 2 ELSE 3 END, DATE '2022-03-01' + t * 30, 'USD', 100000 + t * 1000,
				       100000 + t * 1000, 'Islamic Development Bank', 'XM-DAC-46025', '40',
				       (ARRAY['MURABAHA', 'ISTISNAA', 'IJARA', 'GRANT'])[1 + t % 4], 'benchmark'
				FROM projects.project p CROSS JOIN generate_series(1, :transactions) t
				""").param("transactions", transactions).update();
		jdbc.sql("""
				INSERT INTO projects.project_budget (project_id, kind, status, period_start, period_end, currency, value,
				    value_usd, financier_name, financier_type)
				SELECT id, b.kind, b.status, b.start, b.start + interval '1 year' - interval '1 day', 'USD', 2000000,
				       2000000, b.financier, b.type
				FROM projects.project
				CROSS JOIN (VALUES ('BUDGET', 2, DATE '2026-01-01', '', ''), ('BUDGET', 1, DATE '2027-01-01', '', ''),
				                   ('PLANNED_DISBURSEMENT', 1, DATE '2026-07-01', 'Islamic Development Bank', '40'))
				    AS b (kind, status, start, financier, type)
				""").update();
		jdbc.sql("""
				INSERT INTO projects.result_indicator (project_id, position, result_type, title_en, title_ar, title_fr, unit,
				    baseline_year, baseline_value)
				SELECT id, 0, 1, 'Storage capacity built', 'سعة التخزين المنشأة', 'Capacité de stockage construite',
				       'TONNES', 2021, 0
				FROM projects.project
				""").update();
		jdbc.sql("""
				INSERT INTO projects.result_period (indicator_id, year, target, actual, actual_source)
				SELECT i.id, y, (y - 2021) * 10000, CASE WHEN y <= 2025 THEN (y - 2021) * 9000 END,
				       CASE WHEN y <= 2025 THEN 'ENTERED' END
				FROM projects.result_indicator i CROSS JOIN generate_series(2022, 2026) y
				""").update();
	}

	/** A bare COPY out of the projects joined to their transactions, into nothing: the database's share alone. */
	static double bareCopy(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
					COPY (SELECT p.*, t.* FROM projects.project p JOIN projects.project_transaction t ON t.project_id = p.id
					      ORDER BY p.id, t.transaction_on, t.id) TO STDOUT
					""", OutputStream.nullOutputStream());
			return (System.nanoTime() - start) / 1e9;
		}
	}

	/** Activities and transactions in the file, read as a stream. */
	static long[] count(Path file) throws Exception {
		long activities = 0;
		long transactions = 0;
		try (InputStream in = Files.newInputStream(file)) {
			XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT) {
					activities += xml.getLocalName().equals("iati-activity") ? 1 : 0;
					transactions += xml.getLocalName().equals("transaction") ? 1 : 0;
				}
			}
		}
		return new long[] { activities, transactions };
	}

}
