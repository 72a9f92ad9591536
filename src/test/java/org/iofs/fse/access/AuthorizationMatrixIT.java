package org.iofs.fse.access;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;
import org.iofs.fse.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the platform against every kind of caller, from {@code authorization-matrix.csv}. The test
 * fails when an endpoint has no row, so a new endpoint cannot ship without its authorization decided. API rows
 * authenticate with bearer tokens; page rows sign in through the form and post with the CSRF token, as a browser.
 */
@PlatformTest
class AuthorizationMatrixIT {

	static final Path MATRIX = Path.of("src/test/resources/authorization-matrix.csv");

	static final Map<String, String> CALLERS = new LinkedHashMap<>();

	/**
	 * What a caller who may not read the matrix's release request (Pakistan's) must never see: a {@code hidden} row
	 * answers 404 as if it did not exist, a {@code filtered} row 200 without it.
	 */
	static final List<String> HIDDEN = List.of("Matrix justification", "Karachi");

	static {
		CALLERS.put("anonymous", null);
		CALLERS.put("admin", "t.admin");
		CALLERS.put("analyst", "t.analyst");
		CALLERS.put("focal_a", "t.focal.yem");
		CALLERS.put("focal_b", "t.focal.pak");
		CALLERS.put("company", "t.company");
		CALLERS.put("financier", "t.financier");
	}

	/** Files for upload rows: small but valid, so an allowed caller gets past every check to the real work. */
	static final String FAOSTAT_FILE = "Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag\r\n"
			+ "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1999,1999,1000 t,6347,A\r\n";

	static final String WFP_FILE = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n"
			+ "2017-01-15,Banaadir,Mogadishu,Matrix market,2.04,45.34,cereals and tubers,Sorghum,KG,actual,Retail,SOS,9000,0.4\n";

	static final String TRADE_FILE = "Reporter Country Code,Partner Country Code,Item Code,Element Code,Year,Unit,Value\r\n"
			+ "59,185,15,5610,1999,t,1000\r\n";

	static final Map<String, String> UPLOADS = Map.of("file:faostat", FAOSTAT_FILE, "file:faostat-page", FAOSTAT_FILE,
			"file:trade", TRADE_FILE, "file:trade-page", TRADE_FILE,
			"file:wfp", WFP_FILE, "file:wfp-page", WFP_FILE, "file:cpi", "country,month,value\nSOM,2016-01,100\n",
			"file:routes", "origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open\n");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Http http;

	final Map<String, String> placeholders = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		http = new Http(port);
		TestAccounts accounts = new TestAccounts(context).ensureStandardCallers();
		accounts.ensure("m.token", Role.ANALYST, "");
		UUID target = accounts.ensure("m.target", Role.ANALYST, "");
		String admin = "Bearer " + TestAccounts.token(http, "t.admin");
		http.postJson("/api/v1/admin/users/" + target + "/grants",
				"{\"role\": \"COUNTRY_FOCAL_POINT\", \"scopeId\": \"GIN\"}", "Authorization", admin);
		String account = http.get("/api/v1/admin/users/" + target, "Authorization", admin).body();
		List<String> grantIds = JsonPath.read(account, "$.grants[?(@.scopeId == 'GIN')].id");
		String spare = TestAccounts.issue(http, "t.admin");
		List<String> tokenIds = JsonPath.read(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + spare).body(),
				"$[*].id");
		placeholders.put("{account}", target.toString());
		placeholders.put("{grant}", grantIds.get(0));
		// Newest first: the spare token, not the one the administrator's API calls authenticate with.
		placeholders.put("{token}", tokenIds.get(0));
		placeholders.put("{organisation}", Organisations.SECRETARIAT.toString());
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('MATRIX-RESERVE', 'Matrix reserve',
				    'احتياطي المصفوفة', 'Réserve matrice') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('MATRIX-RESERVE', 'PAK') ON CONFLICT DO NOTHING").update();
		String release = http.postJson("/api/v1/releases", """
				{"country": "PAK", "reserve": "MATRIX-RESERVE", "commodity": "wheat", "tonnes": 10,
				 "deliveryPoint": "Karachi", "needBy": "%s", "tier": 3, "justification": "Matrix justification"}
				""".formatted(java.time.LocalDate.now().plusDays(30)), "Authorization",
				"Bearer " + TestAccounts.token(http, "t.focal.pak")).body();
		placeholders.put("{release}", JsonPath.read(release, "$.id").toString());
		for (String hub : List.of("MATRIX-HUB", "MATRIX-HUB-2")) {
			jdbc.sql("""
					INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES (:code, :code, 'WAREHOUSE', 'SEN')
					ON CONFLICT DO NOTHING
					""").param("code", hub).update();
		}
	}

	@Test
	void everyEndpointHasARow() throws IOException {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry : mappings.getHandlerMethods()
			.entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.iofs.fse")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
			for (String method : methods) {
				for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		Set<String> rows = new TreeSet<>();
		for (NamedCsvRecord row : rows()) {
			rows.add(row.getField("method") + " " + row.getField("pattern"));
		}
		assertThat(rows).as("rows of " + MATRIX + " for endpoints that exist").containsAll(endpoints);
		assertThat(endpoints).as("endpoints for the rows of " + MATRIX).containsAll(rows);
	}

	@Test
	void everyCallerIsAllowedOrDeniedAsTheMatrixSays() throws IOException {
		Map<String, WebSession> browsers = new LinkedHashMap<>();
		CALLERS.forEach((caller, username) -> {
			WebSession browser = new WebSession(port);
			if (username != null) {
				browser.signIn(username, TestAccounts.PASSWORD);
			}
			browsers.put(caller, browser);
		});
		List<String> wrong = new ArrayList<>();
		for (NamedCsvRecord row : rows()) {
			for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
				String verdict = row.getField(caller.getKey());
				boolean expected = verdict.equals("allow");
				HttpResponse<String> response = row.getField("path").startsWith("/api/")
						? callApi(row, caller.getValue()) : callPage(row, browsers.get(caller.getKey()));
				boolean allowed = allowed(response);
				String call = row.getField("method") + " " + row.getField("path") + " as " + caller.getKey();
				// A server error hides whether authorization held; /error itself answers 500 when called directly.
				if (response.statusCode() >= 500 && !row.getField("pattern").equals("/error")) {
					wrong.add(call + ": server error " + response.statusCode());
				}
				else if (verdict.equals("hidden") || verdict.equals("filtered")) {
					int status = verdict.equals("hidden") ? 404 : 200;
					if (response.statusCode() != status) {
						wrong.add(call + ": expected " + verdict + " (" + status + "), got " + response.statusCode());
					}
					else if (HIDDEN.stream().anyMatch(response.body()::contains)) {
						wrong.add(call + ": " + verdict + " but the answer names what the caller may not read");
					}
				}
				else if (allowed != expected) {
					wrong.add(row.getField("method") + " " + row.getField("path") + " as " + caller.getKey() + ": expected "
							+ (expected ? "allow" : "deny") + ", got " + response.statusCode() + " "
							+ response.headers().firstValue("Location").orElse(""));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private HttpResponse<String> callApi(NamedCsvRecord row, String username) {
		String path = resolve(row.getField("path"));
		String[] auth = username == null ? new String[0]
				: new String[] { "Authorization", "Bearer " + TestAccounts.token(http, username) };
		if (row.getField("body").startsWith("file:")) {
			return http.postFile(path, "matrix.csv", UPLOADS.get(row.getField("body")).getBytes(StandardCharsets.UTF_8), auth);
		}
		return switch (row.getField("method")) {
			case "POST" -> http.postJson(path, row.getField("body").isEmpty() ? "{}" : row.getField("body"), auth);
			case "GET" -> http.get(path, auth);
			case "PUT" -> http.putJson(path, row.getField("body").isEmpty() ? "{}" : row.getField("body"), auth);
			default -> http.send(row.getField("method"), path, auth);
		};
	}

	private HttpResponse<String> callPage(NamedCsvRecord row, WebSession browser) {
		String path = resolve(row.getField("path"));
		if (row.getField("body").startsWith("file:")) {
			return browser.postFile(path, "matrix.csv", UPLOADS.get(row.getField("body")).getBytes(StandardCharsets.UTF_8),
					"/login");
		}
		if (row.getField("method").equals("POST")) {
			return browser.post(path, form(row.getField("body")), "/login");
		}
		return browser.get(path);
	}

	/** Denied: 401, 403, or sent to the sign-in page. Anything else got past authorization (even a 404 or 400). */
	private static boolean allowed(HttpResponse<String> response) {
		int status = response.statusCode();
		boolean toSignIn = status == 302 && response.headers().firstValue("Location").orElse("").contains("/login");
		return status != 401 && status != 403 && !toSignIn;
	}

	private String resolve(String path) {
		String resolved = path;
		for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
			resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
		}
		return resolved;
	}

	private static Map<String, String> form(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (!body.isEmpty()) {
			for (String pair : body.split("&")) {
				String[] parts = pair.split("=", 2);
				fields.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	private static List<NamedCsvRecord> rows() throws IOException {
		try (Reader reader = Files.newBufferedReader(MATRIX, StandardCharsets.UTF_8);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			return csv.stream().toList();
		}
	}

}
