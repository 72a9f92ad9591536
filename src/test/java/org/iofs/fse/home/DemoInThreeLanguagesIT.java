package org.iofs.fse.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.StartedPlatform;
import org.iofs.fse.support.WebSession;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a reader of Arabic or French meets it: the platform started as a new user starts it (embedded
 * database, demo data on), every page of the administrator's menu and the pages they lead to read in Arabic and in
 * French, and none may show a word of the English data terms: hub kinds, operators, storage conditions, grades,
 * price types, markets, statuses, modes, audit actions, system messages. What a page marks as another language
 * ({@code lang}), as not to be translated ({@code translate="no"}: user names, references) or as code is the
 * source's own text and is not counted.
 */
class DemoInThreeLanguagesIT {

	/** English words of data the platform names, none of them a French word. */
	static final List<String> ENGLISH_DATA_TERMS = List.of("warehouse", "agency", "ventilated", "aerated", "pallets",
			"grade", "retail", "wholesale", "average", "regional market", "imported", "flour", "vegetable", "shipment",
			"drought", "request", "receipt", "submitted", "approved", "dispatched", "delivered", "closed", "available",
			"quarantined", "expired", "road", "sea", "system", "created", "saved", "demo", "administrator",
			"generated", "assessment", "reserve", "hub", "release", "murabaha", "instalment", "contracted",
			"shipped", "settled", "guarantee", "repaying");

	static final Pattern TERMS = Pattern.compile("\\b(" + String.join("|", ENGLISH_DATA_TERMS) + ")\\b",
			Pattern.CASE_INSENSITIVE);

	private static StartedPlatform platform;

	private static ConfigurableApplicationContext demo;

	private static WebSession admin;

	@BeforeAll
	static void startTheDemo() {
		platform = StartedPlatform.onNewFolder("fse-demo-languages-", "--fse.demo=true",
				"--fse.admin-password=demo-languages-admin");
		demo = platform.context();
		admin = new WebSession(platform.port());
		assertThat(admin.signIn("demo.admin", "admin-demo-2026").statusCode()).isEqualTo(302);
	}

	@AfterAll
	static void stopTheDemo() {
		if (platform != null) {
			platform.delete();
		}
	}

	@Test
	void arabicAndFrenchPagesOfTheDemoShowNoEnglishDataTerms() {
		JdbcClient jdbc = demo.getBean(JdbcClient.class);
		List<String> pages = new ArrayList<>(List.of("/", "/countries", "/countries/NER", "/countries/NER?tab=prices",
				"/countries/YEM?tab=reserves", "/commodities", "/commodities/wheat", "/reserves", "/releases",
				"/alerts", "/allocation", "/allocation/network", "/admin/audit", "/admin/users",
				"/admin/organisations", "/food-balance/review", "/trade", "/strategy", "/strategy/wheat", "/strategy/rice",
				"/strategy/palm_oil", "/imports/faostat-trade", "/countries/YEM/signals", "/countries/NER/brief"));
		jdbc.sql("SELECT code FROM reserves.reserve ORDER BY code").query(String.class).list()
			.forEach(code -> pages.add("/reserves/" + code));
		jdbc.sql("SELECT code FROM reserves.hub ORDER BY code LIMIT 6").query(String.class).list()
			.forEach(code -> pages.add("/hubs/" + code));
		jdbc.sql("SELECT id FROM reserves.release_request ORDER BY id").query(Long.class).list()
			.forEach(id -> pages.add("/releases/" + id));
		jdbc.sql("SELECT id FROM prices.market WHERE country_iso3 = 'NER' ORDER BY id").query(Long.class).list()
			.forEach(id -> pages.add("/markets/" + id));
		jdbc.sql("SELECT organisation_id FROM trade.company WHERE kyc_status = 'VERIFIED' ORDER BY organisation_id LIMIT 3")
			.query(String.class).list().forEach(id -> pages.add("/trade/companies/" + id));
		jdbc.sql("SELECT id FROM trade.offer ORDER BY id LIMIT 3").query(Long.class).list()
			.forEach(id -> pages.add("/trade/offers/" + id));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT count(*) FROM response.proposal").query(Long.class).single() > 0);
		pages.add("/responses");
		jdbc.sql("SELECT id FROM response.proposal ORDER BY id LIMIT 2").query(Long.class).list()
			.forEach(id -> pages.add("/responses/" + id));
		jdbc.sql("SELECT hub_code FROM rotation.rotation ORDER BY id LIMIT 1").query(String.class).list()
			.forEach(hub -> pages.add("/hubs/" + hub + "/rotation"));
		pages.add("/commodities/wheat/deal-prices");
		pages.add("/trade/mine");
		pages.add("/notifications");
		jdbc.sql("SELECT id FROM trade.rfq ORDER BY id LIMIT 2").query(Long.class).list()
			.forEach(id -> pages.add("/trade/rfqs/" + id));
		jdbc.sql("SELECT id FROM trade.deal ORDER BY id LIMIT 2").query(Long.class).list()
			.forEach(id -> pages.add("/trade/deals/" + id));
		List<Long> financed = jdbc.sql("SELECT id FROM trade.finance_request WHERE demo ORDER BY id").query(Long.class).list();
		assertThat(financed).as("a demo murabaha and a demo salam").hasSize(2);
		financed.forEach(id -> pages.add("/trade/finance/" + id));
		assertThat(pages).hasSizeGreaterThan(40);
		assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM trade.deal WHERE demo").query(Integer.class).single())
			.as("demo deals at every stage").isEqualTo(6);
		assertThat(admin.get("/commodities/wheat/deal-prices?lang=en").body()).as("a published median")
			.contains("id=\"deal-prices-table\"");

		List<String> found = new ArrayList<>();
		for (String language : List.of("ar", "fr")) {
			for (String page : pages) {
				var response = admin.get(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
				assertThat(response.statusCode()).as(page).isEqualTo(200);
				String text = readersText(Jsoup.parse(response.body()), language);
				Matcher terms = TERMS.matcher(text);
				while (terms.find()) {
					String around = text.substring(Math.max(0, terms.start() - 40), Math.min(text.length(), terms.end() + 40));
					found.add(language + " " + page + ": '" + terms.group() + "' in \"" + around + "\"");
				}
			}
		}
		assertThat(found).isEmpty();
	}

	/** The text a reader of the page's language reads: not scripts, not what is marked as code or another language. */
	static String readersText(Document page, String language) {
		Element body = page.body();
		body.select("script, style, code, pre, [translate=no], noscript").remove();
		body.select("[lang]").stream()
			.filter(element -> !element.attr("lang").toLowerCase(Locale.ROOT).startsWith(language))
			.forEach(Element::remove);
		return body.text();
	}

}
