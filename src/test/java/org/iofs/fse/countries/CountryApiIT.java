package org.iofs.fse.countries;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class CountryApiIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void listsTheFiftySevenMembers() {
		HttpResponse<String> response = http.get("/api/v1/countries");

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> codes = JsonPath.read(response.body(), "$[*].iso3");
		assertThat(codes).hasSize(57).doesNotHaveDuplicates().contains("AFG", "YEM", "IDN", "SUR", "PSE");
	}

	@Test
	void filtersByGroupInAnyLetterCase() {
		List<String> arab = JsonPath.read(http.get("/api/v1/countries?group=Arab").body(), "$[*].iso3");
		List<String> african = JsonPath.read(http.get("/api/v1/countries?group=african").body(), "$[*].iso3");
		List<String> asian = JsonPath.read(http.get("/api/v1/countries?group=ASIAN").body(), "$[*].iso3");

		assertThat(arab).contains("SAU", "EGY", "YEM", "COM").doesNotContain("NGA", "PAK");
		assertThat(african).contains("NGA", "SEN").doesNotContain("EGY");
		assertThat(asian).contains("PAK", "IDN", "KAZ", "ALB");
		assertThat(arab.size() + african.size() + asian.size()).isEqualTo(57);
	}

	@Test
	void returnsOneCountryWithCodesNamesAndCapital() {
		HttpResponse<String> response = http.get("/api/v1/countries/yem");

		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		assertThat((String) JsonPath.read(body, "$.iso3")).isEqualTo("YEM");
		assertThat((String) JsonPath.read(body, "$.iso2")).isEqualTo("YE");
		assertThat((String) JsonPath.read(body, "$.m49")).isEqualTo("887");
		assertThat((Integer) JsonPath.read(body, "$.faoAreaCode")).isEqualTo(249);
		assertThat((String) JsonPath.read(body, "$.oicGroup")).isEqualTo("ARAB");
		assertThat((String) JsonPath.read(body, "$.iofsStatus")).isEqualTo("SIGNED");
		assertThat((String) JsonPath.read(body, "$.names.ar")).isEqualTo("اليمن");
		assertThat((String) JsonPath.read(body, "$.names.fr")).isEqualTo("Yémen");
		assertThat((String) JsonPath.read(body, "$.capital.names.en")).isEqualTo("Sana'a");
		assertThat(((Number) JsonPath.read(body, "$.capital.latitude")).doubleValue()).isBetween(15.0, 16.0);
	}

	@Test
	void keepsUnknownIofsStatusUnknown() {
		String body = http.get("/api/v1/countries/DZA").body();

		assertThat((String) JsonPath.read(body, "$.iofsStatus")).isEqualTo("UNKNOWN");
	}

	@Test
	void answersAnUnknownCodeWithNotFoundProblem() {
		HttpResponse<String> response = http.get("/api/v1/countries/XXX");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(404);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("XXX");
	}

	@Test
	void answersMalformedInputWithBadRequestNamingTheField() {
		HttpResponse<String> badCode = http.get("/api/v1/countries/YE1");
		HttpResponse<String> badGroup = http.get("/api/v1/countries?group=Europe");

		assertThat(badCode.statusCode()).isEqualTo(400);
		assertThat(badCode.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat((String) JsonPath.read(badCode.body(), "$.field")).isEqualTo("iso3");
		assertThat(badGroup.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(badGroup.body(), "$.field")).isEqualTo("group");
		assertThat((String) JsonPath.read(badGroup.body(), "$.detail")).contains("Europe");
	}

	@Test
	void answersARepeatedRequestWithNotModified() {
		HttpResponse<String> first = http.get("/api/v1/countries");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> second = http.get("/api/v1/countries", "If-None-Match", etag);
		HttpResponse<String> otherFilter = http.get("/api/v1/countries?group=ARAB", "If-None-Match", etag);

		assertThat(second.statusCode()).isEqualTo(304);
		assertThat(second.body()).isEmpty();
		assertThat(otherFilter.statusCode()).isEqualTo(200);
	}

	@Test
	void answersUnknownPathsAndMethodsWithProblems() {
		new TestAccounts(context).ensureStandardCallers();
		String admin = "Bearer " + TestAccounts.token(http, "t.admin");
		HttpResponse<String> anonymous = http.get("/api/v1/no-such-thing");
		HttpResponse<String> unknownPath = http.get("/api/v1/no-such-thing", "Authorization", admin);
		HttpResponse<String> wrongMethod = http.send("DELETE", "/api/v1/countries/YEM", "Authorization", admin);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(unknownPath.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
