package org.iofs.fse.prices;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price API on a fixture of five years of monthly rice prices in a Mauritanian market, with a seasonal pattern
 * and a spike in the last months: series, one series with its indicators, alerts, and manual entry by scope.
 */
class PricesApiIT extends PlatformIT {

	static final String MARKET = "Fixture market MRT";

	@BeforeEach
	void importFixture() {
		StringBuilder file = new StringBuilder(WfpPriceImportIT.V1_HEADER);
		for (int i = 0; i < 60; i++) {
			YearMonth month = YearMonth.of(2019, 1).plusMonths(i);
			double price = 30 + 0.1 * i + 2 * Math.sin(i * Math.PI / 6) + (i % 7) * 0.05 + (i >= 57 ? 12 : 0);
			file.append(month.atDay(15)).append(",Nouakchott,Nouakchott,").append(MARKET)
				.append(",18.08,-15.97,cereals and tubers,Rice (imported),KG,actual,Retail,MRU,")
				.append(String.format(java.util.Locale.ROOT, "%.2f", price)).append(",\n");
		}
		HttpResponse<String> report = http.postFile("/api/v1/imports/wfp-prices?country=MRT", "mrt.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), "Authorization", bearer("t.analyst"));
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
	}

	@Test
	void seriesCarryTheirLatestMonthAndBandsAndTheSpikeRaisesAlerts() {
		HttpResponse<String> list = http.get("/api/v1/prices/series?country=MRT&commodity=rice");
		assertThat(list.statusCode()).isEqualTo(200);
		List<Integer> ids = JsonPath.read(list.body(), "$.items[?(@.market == '" + MARKET + "')].id");
		assertThat(ids).hasSize(1);
		assertThat((List<String>) JsonPath.read(list.body(), "$.items[?(@.market == '" + MARKET + "')].latestMonth"))
			.containsExactly("2023-12-01");
		assertThat((List<String>) JsonPath.read(list.body(), "$.items[?(@.market == '" + MARKET + "')].alpsBand"))
			.containsExactly("CRISIS");
		// December 2023 is far more than two months before today: its band does not warn.
		assertThat((List<Boolean>) JsonPath.read(list.body(), "$.items[?(@.market == '" + MARKET + "')].current"))
			.containsExactly(false);

		HttpResponse<String> one = http.get("/api/v1/prices/series/" + ids.get(0));
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat((List<Object>) JsonPath.read(one.body(), "$.observations")).hasSize(60);
		assertThat((List<Object>) JsonPath.read(one.body(), "$.months[?(@.alps != null)]")).hasSize(60);
		assertThat((List<Object>) JsonPath.read(one.body(), "$.months[?(@.ipa != null)]")).isNotEmpty();
		assertThat((Double) JsonPath.read(one.body(), "$.settings.ipaGamma")).isEqualTo(0.4);

		// The spike of a history file is charted (its months keep their bands) but is not news: no alert.
		HttpResponse<String> alerts = http.get("/api/v1/alerts?country=MRT&since=2019-01-01");
		assertThat(alerts.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(alerts.body(), "$.items[?(@.market == '" + MARKET + "')].band")).isEmpty();
		assertThat((List<String>) JsonPath.read(one.body(), "$.months[?(@.alpsBand == 'CRISIS')].month")).isNotEmpty();
	}

	@Test
	void aFocalPointEntersPricesForTheirCountryOnly() {
		long market = jdbc.sql("SELECT id FROM prices.market WHERE name = '" + MARKET + "'").query(Long.class).single();
		String month = YearMonth.now().minusMonths(1).toString();
		String body = "{\"marketId\": " + market + ", \"commodity\": \"Rice (imported)\", \"priceType\": \"Retail\", "
				+ "\"unit\": \"KG\", \"currency\": \"MRU\", \"month\": \"" + month + "\", \"price\": 41.5}";
		new org.iofs.fse.identity.TestAccounts(context).ensure("t.focal.mrt",
				org.iofs.fse.access.Role.COUNTRY_FOCAL_POINT, "MRT");

		HttpResponse<String> own = http.postJson("/api/v1/prices/observations", body, "Authorization", bearer("t.focal.mrt"));
		HttpResponse<String> other = http.postJson("/api/v1/prices/observations", body, "Authorization", bearer("t.focal.yem"));
		HttpResponse<String> anonymous = http.postJson("/api/v1/prices/observations", body);
		HttpResponse<String> negative = http.postJson("/api/v1/prices/observations", body.replace("41.5", "-1"),
				"Authorization", bearer("t.focal.mrt"));
		HttpResponse<String> future = http.postJson("/api/v1/prices/observations",
				body.replace(month, YearMonth.now().plusMonths(2).toString()), "Authorization", bearer("t.focal.mrt"));

		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(negative.body(), "$.field")).isEqualTo("price");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(future.body(), "$.field")).isEqualTo("month");
		long series = ((Number) JsonPath.read(own.body(), "$.seriesId")).longValue();
		assertThat(jdbc.sql("SELECT source_user FROM prices.observation WHERE series_id = :s AND price_flag = 'manual'")
			.param("s", series).query(String.class).single()).isEqualTo("t.focal.mrt");
		assertThat(jdbc.sql("SELECT count(*) FROM prices.series_month WHERE series_id = :s AND month = :m")
			.param("s", series).param("m", java.sql.Date.valueOf(YearMonth.parse(month).atDay(1)))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'prices.observation-entered' AND actor_username = 't.focal.mrt'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aFocalPointsFreeTextNeverBecomesANewCommodity() {
		long market = jdbc.sql("SELECT id FROM prices.market WHERE name = '" + MARKET + "'").query(Long.class).single();
		new org.iofs.fse.identity.TestAccounts(context).ensure("t.focal.mrt",
				org.iofs.fse.access.Role.COUNTRY_FOCAL_POINT, "MRT");
		String body = "{\"marketId\": " + market + ", \"commodity\": \"%s\", \"priceType\": \"Retail\", "
				+ "\"unit\": \"KG\", \"currency\": \"MRU\", \"month\": \"" + YearMonth.now().minusMonths(1) + "\", \"price\": 12}";

		HttpResponse<String> invented = http.postJson("/api/v1/prices/observations", body.formatted("=HYPERLINK(1)"),
				"Authorization", bearer("t.focal.mrt"));
		HttpResponse<String> byCode = http.postJson("/api/v1/prices/observations", body.formatted("sorghum"),
				"Authorization", bearer("t.focal.mrt"));

		assertThat(invented.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(invented.body(), "$.field")).isEqualTo("commodity");
		assertThat(jdbc.sql("SELECT count(*) FROM prices.source_commodity WHERE name = '=HYPERLINK(1)'").query(Long.class).single())
			.isZero();
		assertThat(byCode.statusCode()).as(byCode.body()).isEqualTo(201);
		long series = ((Number) JsonPath.read(byCode.body(), "$.seriesId")).longValue();
		assertThat(jdbc.sql("""
				SELECT c.commodity_code FROM prices.series s JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE s.id = :s
				""").param("s", series).query(String.class).single()).isEqualTo("sorghum");
	}

	@Test
	void badQueriesAreProblems() {
		assertThat(http.get("/api/v1/prices/series?commodity=happiness").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/prices/series?country=XXX").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/prices/series?country=MRT&size=0").statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/prices/series/999999999").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/alerts?since=yesterday").statusCode()).isEqualTo(400);
	}

}
