package org.iofs.fse.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.support.Browser;
import org.iofs.fse.support.BrowserIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader on a field connection: once a page has been seen, loading it again fetches its HTML and data only, well
 * under 50 KB; the API's own page works under the platform's content security policy and offers "Authorize".
 */
class FieldConnectionBrowserIT extends BrowserIT {

	/** The pages of a visitor's menu. */
	private static final List<String> MENU = List.of("/", "/countries", "/commodities", "/alerts", "/reserves");

	private static final long BUDGET = 50 * 1024;

	@Test
	void aPageLoadedAgainTransfersItsHtmlAndDataOnly() {
		browser = Browser.start(1280, 900);
		for (String language : List.of("en", "ar", "fr")) {
			for (String page : MENU) {
				String address = url(page) + (page.contains("?") ? "&" : "?") + "lang=" + language;
				browser.get(address);
				settle();
				browser.get(address);
				settle();
				long transferred = ((Number) browser.executeScript("""
						const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
						return entries.reduce((sum, e) => sum + e.transferSize, 0);
						""")).longValue();
				assertThat(transferred).as(page + " in " + language + ", loaded again").isLessThan(BUDGET);
			}
		}
	}

	@Test
	void theApiPageWorksUnderThePolicyAndOffersAuthorize() {
		browser = Browser.start(1280, 900);
		// The API's description is made at its first reading (about ten seconds here, on Java 17); on a busy machine
		// twenty seconds were not always enough.
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		browser.get(url("/swagger-ui/index.html"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
		assertThat(browser.findElements(By.cssSelector(".opblock")).size()).isGreaterThan(10);
		browser.findElement(By.cssSelector("button.authorize")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-container input")));
		Browser.screenshot(browser, "swagger-authorize");
		List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Refused"))
			.toList();
		assertThat(refused).as("refused by the content security policy").isEmpty();
	}

	/** Waits until the page has fetched what its scripts fetch (maps, data): no new resource for half a second. */
	private void settle() {
		long count = -1;
		for (int i = 0; i < 40; i++) {
			long now = ((Number) browser.executeScript("return performance.getEntriesByType('resource').length")).longValue();
			if (now == count && "complete".equals(browser.executeScript("return document.readyState"))) {
				return;
			}
			count = now;
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
