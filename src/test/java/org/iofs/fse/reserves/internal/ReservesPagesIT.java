package org.iofs.fse.reserves.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Browser;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The reserve pages: a reserve with its members, a hub's stock, expiry and ledger, the cockpit's Reserves tab. */
class ReservesPagesIT extends PlatformIT {

	ChromeDriver browser;

	@BeforeEach
	void stock() {
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr, financial_tonnes)
				VALUES ('PAGES-RESERVE', 'Pages reserve', 'احتياطي الصفحات', 'Réserve des pages', 1000) ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('PAGES-RESERVE', 'GMB') ON CONFLICT DO NOTHING").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code) VALUES ('PAGES-HUB', 'Banjul test silo',
				    'SILO', 'GMB', 'PAGES-RESERVE') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.pledge (reserve_code, country_iso3, commodity_code, tonnes, valid_from, valid_until)
				SELECT 'PAGES-RESERVE', 'GMB', 'rice', 5000, current_date - 10, current_date + 700
				WHERE NOT EXISTS (SELECT 1 FROM reserves.pledge WHERE reserve_code = 'PAGES-RESERVE')
				""").update();
		http.postJson("/api/v1/hubs/PAGES-HUB/receipts", "{\"commodity\": \"rice\", \"tonnes\": 120.5, \"bestBefore\": \""
				+ LocalDate.now().plusDays(20) + "\", \"intakeDate\": \"" + LocalDate.now().minusMonths(6) + "\"}",
				"Authorization", bearer("t.admin"));
		context.getBean(ExpiryJob.class).run();
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theHubPageShowsStockExpiryAndTheLedgerToItsOperators() {
		String visitor = new WebSession(port).get("/hubs/PAGES-HUB?lang=en").body();
		WebSession company = new WebSession(port);
		company.signIn("t.company", TestAccounts.PASSWORD);
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		String operated = analyst.get("/hubs/PAGES-HUB?kind=RECEIPT&lang=fr").body();
		String reserve = new WebSession(port).get("/reserves/PAGES-RESERVE?lang=en").body();
		String tab = new WebSession(port).get("/countries/GMB/reserves?lang=ar").body();

		assertThat(visitor).contains("id=\"stock-table\"").contains("id=\"lots-table\"").contains("id=\"expiry-alerts\"")
			.contains("Sell and replenish").doesNotContain("id=\"ledger-table\"");
		assertThat(operated).contains("id=\"ledger-table\"").contains("Entrée");
		assertThat(company.get("/hubs/PAGES-HUB").body()).doesNotContain("id=\"ledger-table\"");
		assertThat(reserve).contains("id=\"members-table\"").contains("data-iso3=\"GMB\"").contains("5,000");
		assertThat(tab).contains("احتياطي الصفحات").contains("Banjul test silo").contains("id=\"tab-pledges\"");
	}

	@Test
	void anOperatorReceivesAndIssuesInTheHubPage() {
		WebSession admin = new WebSession(port);
		admin.signIn("t.admin", TestAccounts.PASSWORD);
		String page = "/hubs/PAGES-HUB";

		assertThat(admin.get(page + "?lang=en").body()).contains("id=\"receipt-form\"").contains("id=\"issue-form\"");
		assertThat(new WebSession(port).get(page).body()).doesNotContain("id=\"receipt-form\"");
		HttpResponse<String> received = admin.post(page + "/receipts", Map.of("commodity", "sorghum", "tonnes", "12.5",
				"bestBefore", LocalDate.now().plusYears(1).toString()), page);
		HttpResponse<String> issued = admin.post(page + "/issues", Map.of("commodity", "sorghum", "tonnes", "2"), page);
		assertThat(received.statusCode()).isEqualTo(302);
		assertThat(issued.statusCode()).isEqualTo(302);
		assertThat(admin.get(page + "?done=ISSUE&lang=en").body()).contains("id=\"hub-done\"");

		HttpResponse<String> tooMuch = admin.post(page + "/issues", Map.of("commodity", "sorghum", "tonnes", "100000"), page);
		// Refused, back to the hub page with the reason, once: a reload posts nothing again and shows no old error.
		assertThat(tooMuch.statusCode()).isEqualTo(302);
		assertThat(tooMuch.headers().firstValue("Location").orElseThrow()).endsWith(page);
		// The refused issue in the reader's language, the service's English detail beside it, marked as English.
		assertThat(admin.get(page + "?lang=ar").body()).contains("id=\"hub-error\"")
			.contains("data-refusal=\"INSUFFICIENT_STOCK\"").contains("المخزون غير كافٍ")
			.containsPattern("<small [^>]*lang=\"en\"[^>]*>Hub PAGES-HUB holds");
		assertThat(admin.get(page + "?lang=ar").body()).doesNotContain("id=\"hub-error\"");

		long lot = jdbc.sql("SELECT id FROM reserves.lot WHERE hub_code = 'PAGES-HUB' AND commodity_code = 'sorghum' ORDER BY id DESC LIMIT 1")
			.query(Long.class).single();
		HttpResponse<String> quarantined = admin.post(page + "/lots", Map.of("lot", Long.toString(lot), "action", "QUARANTINED",
				"reason", "PEST"), page);
		HttpResponse<String> loss = admin.post(page + "/lots", Map.of("lot", Long.toString(lot), "action", "LOSS",
				"tonnes", "0.5", "reason", "PEST"), page);
		assertThat(quarantined.statusCode()).isEqualTo(302);
		assertThat(loss.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT quality_status FROM reserves.lot WHERE id = :id").param("id", lot).query(String.class).single())
			.isEqualTo("QUARANTINED");
		assertThat(jdbc.sql("SELECT count(*) FROM reserves.ledger_entry WHERE lot_id = :id AND kind = 'LOSS'").param("id", lot)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void looksRightInEnglishAndArabic() {
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("t.admin");
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		for (String lang : new String[] { "en", "ar" }) {
			browser.get("http://localhost:" + port + "/hubs/PAGES-HUB?lang=" + lang);
			wait.until(ExpectedConditions.attributeToBe(By.id("expiry-timeline"), "data-ready", "true"));
			Browser.screenshot(browser, "hub-" + lang);
			browser.get("http://localhost:" + port + "/countries/GMB?tab=reserves&lang=" + lang);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reserves-tab")));
			Browser.screenshot(browser, "country-reserves-" + lang);
		}
	}

}
