package org.iofs.fse.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.IsolatedDatabase;
import org.iofs.fse.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careless or hostile client never gets a server error: every operation of the OpenAPI description, and every
 * page, is called with malformed codes, null bytes, numbers beyond their column, implausible dates and bodies that
 * are not what the operation reads. Anything but a 5xx passes; the answer to a refused API call is a problem detail.
 */
// The database's address is known only to the initializer, which runs after the settings are read: a placeholder says
// from the start that the database is external, so that no embedded server is started on ./data for nothing.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:postgresql://localhost/set-by-the-initializer")
@ContextConfiguration(initializers = IsolatedDatabase.class)
class BadInputIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
		new TestAccounts(context).ensureStandardCallers();
	}

	private String bearer(String username) {
		return "Bearer " + TestAccounts.token(http, username);
	}

	/** Values for a path segment or a query parameter. */
	static final List<String> BAD_VALUES = List.of("XX", "'", "-1", "99999999999999999999", "1e15", "%00", "a%00b",
			"10000-01-01", "2026-13-45", "", "..", "%F0%9F%98%80", "x".repeat(300));

	/** Bodies for operations that read JSON. */
	static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"x\": 1}",
			"{\"tonnes\": 1e15, \"price\": 1e20, \"usdPrice\": 1e20, \"quantity\": 1e15, \"costPerTonne\": 1e20}",
			"{\"needBy\": \"10000-01-01\", \"bestBefore\": \"2080-01-01\", \"intakeDate\": \"0001-01-01\", \"month\": \"10000-01\"}",
			"{\"name\": \"a\\u0000b\", \"username\": \"\\u0000\", \"commodity\": \"\\u0000\", \"country\": \"\\u0000\"}",
			"{\"tonnes\": \"many\", \"tier\": 99999999999, \"marketId\": -1, \"expiresInDays\": 1e10}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void noOperationOfTheApiAnswersBadInputWithAServerError() throws Exception {
		JsonNode paths = json.readTree(http.get("/v3/api-docs").body()).get("paths");
		String admin = bearer("t.admin");
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase();
				List<String> queryNames = new ArrayList<>();
				op.getValue().path("parameters").forEach(p -> {
					if ("query".equals(p.path("in").asString())) {
						queryNames.add(p.path("name").asString());
					}
				});
				boolean readsJson = op.getValue().path("requestBody").path("content").has("application/json");
				boolean readsFile = op.getValue().path("requestBody").path("content").has("multipart/form-data");
				for (String value : BAD_VALUES) {
					String target = path.getKey().replaceAll("\\{[^}]+}", value.isEmpty() ? "%20" : value);
					StringBuilder query = new StringBuilder();
					for (String name : queryNames) {
						query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
					}
					calls++;
					check(failures, method, target + query, readsJson ? "{}" : null, readsFile, admin);
				}
				if (readsJson) {
					String target = path.getKey().replaceAll("\\{[^}]+}", "1");
					for (String body : BAD_BODIES) {
						calls++;
						check(failures, method, target, body, false, admin);
					}
				}
			}
		}
		assertThat(calls).isGreaterThan(500);
		assertThat(failures).isEmpty();
	}

	@Test
	void noPageAnswersBadInputWithAServerError() throws Exception {
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", "test-password-2026");
		Set<String> patterns = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
			if (get) {
				info.getPathPatternsCondition().getPatternValues().stream()
					.filter(p -> !p.startsWith("/api/") && !p.startsWith("/error") && !p.startsWith("/v3")
							&& !p.startsWith("/swagger"))
					.forEach(patterns::add);
			}
		}
		List<String> failures = new ArrayList<>();
		for (String pattern : patterns) {
			for (String value : BAD_VALUES) {
				String target = pattern.replaceAll("\\{[^}:]+(:[^}]*)?}", value.isEmpty() ? "%20" : value)
						+ "?page=" + value + "&country=" + value + "&commodity=" + value + "&year=" + value
						+ "&lang=" + value + "&q=" + value;
				HttpResponse<String> answer = analyst.get(target);
				if (answer.statusCode() >= 500) {
					failures.add("GET " + target + ": " + answer.statusCode());
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void implausibleValuesAreRefusedNamingTheirField() {
		String operator = bearer("t.hub");
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES ('TEST-HUB', 'Test hub', 'SILO', 'SEN')
				ON CONFLICT DO NOTHING
				""").update();
		HttpResponse<String> centuries = http.postJson("/api/v1/hubs/TEST-HUB/receipts",
				"{\"commodity\": \"wheat\", \"tonnes\": 10, \"bestBefore\": \"2080-01-01\"}", "Authorization", operator);
		HttpResponse<String> tooMany = http.postJson("/api/v1/hubs/TEST-HUB/receipts",
				"{\"commodity\": \"wheat\", \"tonnes\": 1e15, \"bestBefore\": \"2028-01-01\"}", "Authorization", operator);
		HttpResponse<String> year10000 = http.postJson("/api/v1/hubs/TEST-HUB/receipts",
				"{\"commodity\": \"wheat\", \"tonnes\": 10, \"bestBefore\": \"10000-01-01\"}", "Authorization", operator);

		assertThat(centuries.statusCode()).isEqualTo(400);
		assertThat(centuries.body()).contains("\"field\":\"bestBefore\"");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("\"field\":\"tonnes\"");
		assertThat(year10000.statusCode()).isEqualTo(400);
	}

	@Test
	void whatTomcatRefusesIsAProblemDetailToo() throws Exception {
		HttpResponse<String> longQuery = client.send(HttpRequest.newBuilder(
				URI.create(http.base() + "/api/v1/countries?group=" + "x".repeat(100_000))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> truncated = client.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/imports/wfp-prices"))
			.header("Authorization", bearer("t.analyst"))
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ndate,price\r\n2020"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(longQuery.statusCode()).isBetween(400, 499);
		assertThat(longQuery.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
		assertThat((String) JsonPath.read(longQuery.body(), "$.title"))
			.isEqualTo(HttpStatus.valueOf(longQuery.statusCode()).getReasonPhrase());
		assertThat(truncated.statusCode()).isBetween(400, 499);
		assertThat(truncated.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
	}

	private void check(List<String> failures, String method, String target, String body, boolean file, String auth) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + encodeSpaces(target)))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", auth);
			if (file) {
				String boundary = "fsebad";
				request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.method(method, HttpRequest.BodyPublishers.ofString("--" + boundary
							+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad\u0000.csv\"\r\n\r\n\u0000\u0001\r\n--"
							+ boundary + "--\r\n"));
			}
			else if (body != null) {
				request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() >= 500) {
				failures.add(method + " " + target + (body == null ? "" : " " + body) + ": " + answer.statusCode() + " "
						+ answer.body().substring(0, Math.min(200, answer.body().length())));
			}
		}
		catch (IllegalArgumentException ex) {
			// A URI the client itself cannot send is not a case of the server's.
		}
		catch (Exception ex) {
			failures.add(method + " " + target + ": " + ex);
		}
	}

	private static String encodeSpaces(String target) {
		return target.replace(" ", "%20").replace("'", "%27");
	}

}
