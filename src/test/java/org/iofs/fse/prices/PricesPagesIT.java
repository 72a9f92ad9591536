package org.iofs.fse.prices;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The price pages on a fixture market in Niger whose prices run to the current month and spike at the end. */
class PricesPagesIT extends PlatformIT {

	static final String MARKET = "Fixture market NER";

	long marketId;

	@BeforeEach
	void importFixture() {
		HttpResponse<String> report = http.postFile("/api/v1/imports/wfp-prices?country=NER", "ner.csv",
				PriceFixtures.fiveYears(MARKET, "Millet", "XOF", YearMonth.now()).getBytes(StandardCharsets.UTF_8),
				"Authorization", bearer("t.analyst"));
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		marketId = jdbc.sql("SELECT id FROM prices.market WHERE name = '" + MARKET + "'").query(Long.class).single();
	}

	@Test
	void theCountryTabListsSeriesWithCurrentBandsAndDownloads() {
		WebSession visitor = new WebSession(port);

		String tab = visitor.get("/countries/NER/prices?lang=en").body();
		String filtered = visitor.get("/countries/NER/prices?commodity=millet&lang=en").body();
		String chart = visitor.get("/prices/series/" + seriesId() + "/chart?lang=fr").body();
		HttpResponse<String> csv = visitor.get("/countries/NER/prices.csv");
		HttpResponse<String> xlsx = visitor.get("/countries/NER/prices.xlsx");

		assertThat(tab).contains("id=\"series-table\"").contains(MARKET).contains("Millet")
			.contains("band-alps-crisis").doesNotContain("band-stale");
		assertThat(filtered).contains(MARKET);
		assertThat(chart).contains("\"trendLabel\":\"Tendance saisonnière (ALPS)\"").contains("\"bands\":[");
		assertThat(csv.body()).startsWith("\uFEFFseries_id,iso3,market_id").contains(MARKET).contains("CRISIS");
		assertThat(xlsx.body()).startsWith("PK");
	}

	@Test
	void alertsAreFilteredByRegionCommodityBandAndIndicator() {
		String all = http.get("/api/v1/alerts?since=2000-01-01&size=200").body();
		List<String> countries = JsonPath.read(all, "$.items[*].country");
		String asian = http.get("/api/v1/alerts?since=2000-01-01&size=200&region=asian").body();
		String crisis = http.get("/api/v1/alerts?since=2000-01-01&size=200&band=crisis&indicator=ALPS").body();
		String millet = http.get("/api/v1/alerts?since=2000-01-01&size=200&commodity=millet").body();

		assertThat(countries).isNotEmpty();
		assertThat((List<String>) JsonPath.read(asian, "$.items[*].country")).doesNotContain("NER", "MRT");
		assertThat((List<String>) JsonPath.read(crisis, "$.items[*].band")).isNotEmpty().containsOnly("CRISIS");
		assertThat((List<String>) JsonPath.read(crisis, "$.items[*].indicator")).containsOnly("ALPS");
		assertThat((List<String>) JsonPath.read(millet, "$.items[*].commodity")).isNotEmpty().containsOnly("millet");
		assertThat(http.get("/api/v1/alerts?band=purple").statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/alerts?region=oceania").statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/alerts?indicator=CPI").statusCode()).isEqualTo(400);
		String page = new WebSession(port).get("/alerts?since=2000-01-01&region=AFRICAN&band=CRISIS&lang=fr").body();
		assertThat(page).contains("id=\"alerts-table\"").contains("/countries/NER/reserves").contains("/releases?country=NER");
	}

	@Test
	void theAlertsPageAndTheWarningMapShowTheSpike() {
		WebSession visitor = new WebSession(port);

		String alerts = visitor.get("/alerts?country=NER&lang=ar").body();
		String warnings = http.get("/api/v1/prices/warnings?lang=en").body();
		HttpResponse<String> download = visitor.get("/alerts.csv?country=NER&since=2000-01-01");

		assertThat(alerts).contains("id=\"alerts-table\"").contains(MARKET).contains("أزمة");
		assertThat((java.util.List<String>) JsonPath.read(warnings, "$.members[?(@.country == 'NER')].level"))
			.containsExactly("CRISIS");
		assertThat((java.util.List<String>) JsonPath.read(warnings, "$.members[?(@.country == 'NER')].label"))
			.singleElement().asString().startsWith("Crisis — Millet: Crisis in");
		assertThat((java.util.List<String>) JsonPath.read(warnings, "$.members[*].country")).doesNotHaveDuplicates();
		assertThat((java.util.List<String>) JsonPath.read(warnings, "$.legend[*].label")).contains("Crisis");
		assertThat(download.body()).contains(",NER,النيجر,").contains(",ALPS,");
	}

	@Test
	void aFocalPointRecordsAPriceInTheMarketPage() {
		new TestAccounts(context).ensure("t.focal.ner", Role.COUNTRY_FOCAL_POINT, "NER");
		WebSession focal = new WebSession(port);
		focal.signIn("t.focal.ner", TestAccounts.PASSWORD);
		WebSession other = new WebSession(port);
		other.signIn("t.focal.yem", TestAccounts.PASSWORD);
		String page = "/markets/" + marketId;
		Map<String, String> form = Map.of("commodity", "Sorghum", "priceType", "Wholesale", "unit", "50 KG", "currency",
				"XOF", "month", YearMonth.now().minusMonths(1).toString(), "price", "12500");

		assertThat(focal.get(page + "?lang=fr").body()).contains("id=\"price-entry\"").contains("id=\"series-table\"");
		assertThat(other.get(page).body()).doesNotContain("id=\"price-entry\"");
		HttpResponse<String> saved = focal.post(page + "/prices", form, page);
		HttpResponse<String> refused = other.post(page + "/prices", form, page);

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(focal.get(java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getRawPath()
				+ "?entered=" + YearMonth.now().minusMonths(1)).body()).contains("id=\"entry-saved\"")
			.contains("Sorghum");
		assertThat(refused.statusCode()).isEqualTo(403);
		HttpResponse<String> invalid = focal.post(page + "/prices", Map.of("commodity", "Sorghum", "priceType", "Retail",
				"unit", "KG", "currency", "XOF", "month", "2099-01", "price", "1"), page);
		assertThat(invalid.statusCode()).as("back to the market, post-redirect-get").isEqualTo(302);
		assertThat(focal.get(page + "?lang=ar").body()).contains("id=\"entry-error\"").contains("month");
		assertThat(jdbc.sql("""
				SELECT s.unit_quantity FROM prices.series s JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE s.market_id = :m AND c.name = 'Sorghum'
				""").param("m", marketId).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("50");
	}

	@Test
	void anAdministratorMapsASourceCommodityAndAnAnalystImportsInThePage() {
		WebSession admin = new WebSession(port);
		admin.signIn("t.admin", TestAccounts.PASSWORD);
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		int millet = jdbc.sql("SELECT id FROM prices.source_commodity WHERE name = 'Millet'").query(Integer.class).single();

		assertThat(admin.get("/admin/price-commodities?lang=en").body()).contains("id=\"mapping-table\"").contains("Millet");
		HttpResponse<String> mapped = admin.post("/admin/price-commodities/" + millet, Map.of("commodity", "sorghum"),
				"/admin/price-commodities");
		assertThat(mapped.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT commodity_code FROM prices.source_commodity WHERE id = :id").param("id", millet)
			.query(String.class).single()).isEqualTo("sorghum");
		admin.post("/admin/price-commodities/" + millet, Map.of("commodity", "millet"), "/admin/price-commodities");
		assertThat(analyst.get("/admin/price-commodities").statusCode()).isEqualTo(403);

		HttpResponse<String> report = analyst.postFile("/imports/wfp-prices?country=NER", "ner-page.csv",
				PriceFixtures.fiveYears("Fixture market NER 2", "Millet", "XOF", YearMonth.now())
					.getBytes(StandardCharsets.UTF_8), "/imports/wfp-prices");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("id=\"import-outcome\"").contains("ner-page.csv").contains("id=\"import-runs\"");
	}

	private long seriesId() {
		return jdbc.sql("SELECT s.id FROM prices.series s WHERE s.market_id = :m").param("m", marketId)
			.query(Long.class).list().get(0);
	}

}
