package org.iofs.fse.prices;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.support.Browser;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader opens a country's Prices tab, charts a series, reads the alerts and the warning map, in English and in
 * Arabic. Screenshots land in target/screenshots.
 */
class PricesBrowserIT extends PlatformIT {

	ChromeDriver browser;

	@BeforeEach
	void importFixture() {
		http.postFile("/api/v1/imports/wfp-prices?country=NER", "ner-browser.csv",
				PriceFixtures.fiveYears("Fixture market NER", "Millet", "XOF", YearMonth.now())
					.getBytes(StandardCharsets.UTF_8), "Authorization", bearer("t.analyst"));
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void chartsASeriesFromThePricesTabInEnglishAndArabic() {
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		for (String lang : new String[] { "en", "ar" }) {
			browser.get(url("/countries/NER?tab=prices&lang=" + lang));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-table")));
			browser.findElement(By.cssSelector("#series-table .series-chart-button")).click();
			wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#prices-tab .series-chart"), "data-ready", "true"));
			assertThat(browser.findElement(By.cssSelector("#prices-tab .series-chart canvas")).getSize().getHeight())
				.isGreaterThan(200);
			Browser.screenshot(browser, "country-prices-" + lang);
		}
		assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
	}

	@Test
	void readsTheAlertsAndTheWarningMap() {
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get(url("/?lang=en"));
		wait.until(ExpectedConditions.attributeToBe(By.id("price-map"), "data-ready", "true"));
		browser.executeScript("document.getElementById('price-map').scrollIntoView()");
		Browser.screenshot(browser, "dashboard-prices-en");

		browser.get(url("/alerts?country=NER&lang=ar"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alerts-table")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("تنبيهات الأسعار");
		Browser.screenshot(browser, "alerts-ar");

		browser.findElement(By.cssSelector("#alerts-table a[href^='/markets/']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("market-facts")));
		Browser.screenshot(browser, "market-ar");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
