package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.prices.PriceSituation;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivered release's effect, measured: the member's market prices one, two and three months after delivery against
 * the month before (±5 %), beside the same months in members without a release, and the lead time against 15-45
 * days; on the release's page and its reserve's, for those who may read releases.
 */
class ReleaseEffectIT extends PlatformIT {

	static final String HEADER = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n";

	long release;

	@BeforeEach
	void aDeliveredReleaseOfMillet() {
		new TestAccounts(context).ensureStandardCallers();
		String analyst = bearer("t.analyst");
		// Turkmenistan: 100 until March 2025 (the month before delivery in April), then 102, 104 and 110.
		// Uzbekistan, without a release: 100 in March, 120 after.
		int[] turkmen = { 100, 100, 100, 100, 102, 104, 110 };
		int[] uzbek = { 100, 100, 100, 120, 120, 120, 120 };
		upload("TKM", "Ashgabat", turkmen, analyst);
		upload("UZB", "Tashkent", uzbek, analyst);
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('EFFECT-RESERVE', 'Effect reserve',
				    'احتياطي الأثر', 'Réserve effet') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('EFFECT-RESERVE', 'TKM') ON CONFLICT DO NOTHING").update();
		release = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by, submitted_at, delivered_at, received_tonnes)
				VALUES ('TKM', 'EFFECT-RESERVE', 'millet', 500, 'Ashgabat', '2025-04-30', 3, 'Effect test', 'DELIVERED',
				    't.focal.yem', '2025-03-10T08:00:00Z', '2025-04-12T08:00:00Z', 500)
				RETURNING id
				""").query(Long.class).single();
	}

	private void upload(String country, String market, int[] prices, String analyst) {
		StringBuilder file = new StringBuilder(HEADER);
		for (int m = 0; m < prices.length; m++) {
			file.append("2025-%02d-15,Region,District,%s,38.0,58.0,cereals and tubers,Millet,KG,actual,Retail,USD,%d,%d\n"
				.formatted(m + 1, market, prices[m], prices[m]));
		}
		HttpResponse<String> loaded = http.postFile("/api/v1/imports/wfp-prices?country=" + country, "millet.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
	}

	@Test
	void questionsAskedTogetherAnswerEachAsAskedAlone() {
		PriceSituation prices = context.getBean(PriceSituation.class);
		YearMonth march = YearMonth.of(2025, 3);
		List<PriceSituation.PriceQuestion> questions = List.of(
				new PriceSituation.PriceQuestion(List.of("TKM"), true, "millet", march),
				new PriceSituation.PriceQuestion(List.of("TKM"), false, "millet", march),
				new PriceSituation.PriceQuestion(List.of(), true, "millet", march),
				new PriceSituation.PriceQuestion(List.of("TKM", "UZB"), true, "millet", YearMonth.of(2025, 4)));
		List<PriceSituation.PriceChanges> together = prices.changesAfter(questions, 4);
		assertThat(together).hasSize(4);
		for (int q = 0; q < questions.size(); q++) {
			PriceSituation.PriceQuestion question = questions.get(q);
			assertThat(together.get(q)).as("question %d", q).isEqualTo(prices.changesAfter(question.members(),
					question.inside(), question.commodity(), question.base(), 4));
		}
		assertThat(together.get(0).medianPercent()).as("Turkmenistan after March")
			.containsExactly(new BigDecimal("0.0"), new BigDecimal("2.0"), new BigDecimal("4.0"), new BigDecimal("10.0"));
		assertThat(together.get(1).medianPercent().get(1)).as("every member but Turkmenistan: Uzbekistan")
			.isEqualByComparingTo("20.0");
		assertThat(together.get(2).series()).as("inside no member: no series").containsOnly(0);
		assertThat(prices.changesAfter(List.of(), 4)).isEmpty();
	}

	@Test
	void theReleasePageAndItsReserveShowWhatTheReleaseDid() {
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		String page = analyst.get("/releases/" + release + "?lang=en").body();
		assertThat(page).contains("id=\"release-effect\"", "not prove");
		String table = page.substring(page.indexOf("id=\"effect-table\""), page.indexOf("id=\"effect-lead\""));
		assertThat(table).contains("2.0 %", "4.0 %", "10.0 %", "20.0 %");
		assertThat(table.split("within ±5 %", -1)).as("May and June within the band").hasSize(3);
		assertThat(table).contains("outside ±5 %");
		assertThat(page).contains("in 33 days", "within 15-45 days");

		String reserve = analyst.get("/reserves/EFFECT-RESERVE?lang=en").body();
		assertThat(reserve).contains("id=\"reserve-effects\"", "data-release=\"" + release + "\"", "10.0 % (others 20.0 %)");
		assertThat(http.get("/reserves/EFFECT-RESERVE").body()).as("release requests are not public")
			.doesNotContain("id=\"reserve-effects\"");
		assertThat(analyst.get("/?lang=en").body()).as("the dashboard counts what releases did").contains("id=\"releases-effects\"")
			.containsPattern("\\d+ measured after delivery");
		assertThat(http.get("/").body()).doesNotContain("id=\"releases-effects\"");
	}

}
