package org.iofs.fse.commodities;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class CommodityApiIT {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void listsCommoditiesAndFoodBalanceGroups() {
		String body = http.get("/api/v1/commodities").body();

		List<String> codes = JsonPath.read(body, "$[*].code");
		assertThat(codes).containsExactlyInAnyOrder("wheat", "rice", "maize", "sorghum", "millet", "barley", "cassava",
				"palm_oil", "sugar", "soybeans", "soybean_oil", "sunflower_oil", "pulses", "dates", "cereals",
				"vegetable_oils");
		List<String> groups = JsonPath.read(body, "$[?(@.kind == 'GROUP')].code");
		assertThat(groups).containsExactlyInAnyOrder("cereals", "vegetable_oils");
	}

	@Test
	void returnsOneCommodityWithItsCodes() {
		String body = http.get("/api/v1/commodities/wheat").body();

		assertThat((String) JsonPath.read(body, "$.hs2022Heading")).isEqualTo("1001");
		assertThat((List<Integer>) JsonPath.read(body, "$.qclItemCodes")).containsExactly(15);
		assertThat((List<Integer>) JsonPath.read(body, "$.fbsItemCodes")).containsExactly(2511);
		assertThat((Integer) JsonPath.read(body, "$.kcalPerKg")).isPositive();
		assertThat((String) JsonPath.read(body, "$.names.ar")).isEqualTo("القمح");
		assertThat((String) JsonPath.read(body, "$.foodGroup")).isEqualTo("cereals");
	}

	@Test
	void riceAnswersToBothFoodBalanceItemCodes() {
		List<String> by2805 = JsonPath.read(http.get("/api/v1/commodities?fbsItem=2805").body(), "$[*].code");
		List<String> by2807 = JsonPath.read(http.get("/api/v1/commodities?fbsItem=2807").body(), "$[*].code");
		String byPath = http.get("/api/v1/commodities/by-faostat-item/FBS/2807").body();

		assertThat(by2805).containsExactly("rice");
		assertThat(by2807).containsExactly("rice");
		assertThat((String) JsonPath.read(byPath, "$.code")).isEqualTo("rice");
	}

	@Test
	void answersUnknownAndMalformedCodesWithProblems() {
		HttpResponse<String> unknown = http.get("/api/v1/commodities/quinoa");
		HttpResponse<String> malformed = http.get("/api/v1/commodities/Wheat%201");
		HttpResponse<String> badItem = http.get("/api/v1/commodities?fbsItem=two");
		HttpResponse<String> unknownItem = http.get("/api/v1/commodities/by-faostat-item/FBS/1");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(malformed.body(), "$.field")).isEqualTo("code");
		assertThat(badItem.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(badItem.body(), "$.field")).isEqualTo("fbsItem");
		assertThat(unknownItem.statusCode()).isEqualTo(404);
	}

	@Test
	void carriesAnEtag() {
		HttpResponse<String> first = http.get("/api/v1/commodities/rice");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		assertThat(http.get("/api/v1/commodities/rice", "If-None-Match", etag).statusCode()).isEqualTo(304);
	}

}
