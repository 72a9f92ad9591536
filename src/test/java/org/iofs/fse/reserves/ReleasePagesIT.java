package org.iofs.fse.reserves;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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

/** A release request through its pages: each person sees and takes only the action of their stage. */
class ReleasePagesIT extends PlatformIT {

	WebSession focal;

	WebSession analyst;

	WebSession operator;

	@BeforeEach
	void sessions() {
		bearer("t.analyst");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('TEST-RESERVE', 'Test reserve',
				    'احتياطي الاختبار', 'Réserve test') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('TEST-RESERVE', 'PAK') ON CONFLICT DO NOTHING").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code) VALUES ('TEST-HUB', 'TEST-HUB',
				    'WAREHOUSE', 'SEN', 'TEST-RESERVE') ON CONFLICT DO NOTHING
				""").update();
		http.postJson("/api/v1/hubs/TEST-HUB/receipts", "{\"commodity\": \"rice\", \"tonnes\": 80, \"bestBefore\": \""
				+ LocalDate.now().plusYears(1) + "\"}", "Authorization", bearer("t.hub"));
		focal = signedIn("t.focal.pak");
		analyst = signedIn("t.analyst");
		operator = signedIn("t.hub");
	}

	@Test
	void fromDraftToClosedInThePages() {
		assertThat(focal.get("/releases?lang=en").body()).contains("id=\"release-form\"");
		HttpResponse<String> created = focal.post("/releases", Map.of("country", "PAK", "reserve", "TEST-RESERVE",
				"commodity", "rice", "tonnes", "40", "deliveryPoint", "Karachi", "needBy",
				LocalDate.now().plusDays(30).toString(), "tier", "3", "justification", "Floods", "localUsed", "true"),
				"/releases");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String page = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

		assertThat(focal.get(page).body()).contains("id=\"action-submit\"").doesNotContain("id=\"action-approve\"");
		focal.post(page + "/submit", Map.of(), page);
		assertThat(analyst.get(page).body()).contains("id=\"action-assess\"").contains("id=\"action-reject\"");
		analyst.post(page + "/assess", Map.of("note", "Justified"), page);
		analyst.post(page + "/approve", Map.of(), page);
		assertThat(operator.get(page).body()).contains("id=\"action-dispatch\"").doesNotContain("id=\"action-close\"");
		HttpResponse<String> dispatched = operator.post(page + "/dispatch", Map.of("hub", "TEST-HUB", "mode", "ROAD",
				"estimatedArrival", LocalDate.now().plusDays(10).toString()), "/releases");
		assertThat(dispatched.statusCode()).isEqualTo(302);
		focal.post(page + "/deliver", Map.of("receivedTonnes", "40", "condition", "good"), page);
		analyst.post(page + "/close", Map.of(), page);

		String closed = analyst.get(page + "?lang=ar").body();
		assertThat(closed).contains("data-status=\"CLOSED\"").contains("id=\"release-events\"")
			.contains("id=\"release-shipments\"").contains("id=\"release-lead-time\"");
	}

	@Test
	void aRequestLooksRightInEnglishAndArabic() {
		String token = bearer("t.focal.pak");
		HttpResponse<String> created = http.postJson("/api/v1/releases", "{\"country\": \"PAK\", \"reserve\": \"TEST-RESERVE\", "
				+ "\"commodity\": \"rice\", \"tonnes\": 5, \"deliveryPoint\": \"Karachi\", \"needBy\": \""
				+ LocalDate.now().plusDays(30) + "\", \"tier\": 2, \"payment\": \"LOAN\", \"justification\": \"Floods\"}",
				"Authorization", token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		http.postJson("/api/v1/releases/" + id + "/submit", "{}", "Authorization", token);
		String page = "/releases/" + id;
		ChromeDriver browser = Browser.start(1280, 1000);
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
			browser.get("http://localhost:" + port + "/login");
			browser.findElement(By.id("username")).sendKeys("t.analyst");
			browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
			// The sign-in's own navigation must end first, or it lands after, and wins over, the next page asked for.
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
			for (String lang : new String[] { "en", "ar" }) {
				browser.get("http://localhost:" + port + page + "?lang=" + lang);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-assess")));
				Browser.screenshot(browser, "release-" + lang);
			}
		}
		finally {
			browser.quit();
		}
	}

	private WebSession signedIn(String user) {
		WebSession session = new WebSession(port);
		session.signIn(user, TestAccounts.PASSWORD);
		return session;
	}

}
