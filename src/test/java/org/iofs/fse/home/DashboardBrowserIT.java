package org.iofs.fse.home;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.support.Browser;
import org.iofs.fse.support.PlatformTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader opens the dashboard, draws the map, switches to Arabic and opens a country page, on desktop and phone. */
@PlatformTest
class DashboardBrowserIT {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void switchesToArabicAndOpensACountry() {
		browser = Browser.start(1280, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get(url("/?lang=en"));
		wait.until(ExpectedConditions.attributeToBe(By.id("oic-map"), "data-ready", "true"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("OIC Food Security Ecosystem");
		assertThat(browser.findElement(By.cssSelector("#oic-map canvas")).getSize().getHeight()).isGreaterThan(200);
		Browser.screenshot(browser, "dashboard-en");

		browser.findElement(By.cssSelector("#language-switcher a[data-lang='ar']")).click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("منظومة الأمن الغذائي لمنظمة التعاون الإسلامي");
		wait.until(ExpectedConditions.attributeToBe(By.id("oic-map"), "data-ready", "true"));
		Browser.screenshot(browser, "dashboard-ar");

		browser.findElement(By.cssSelector("#main-nav a[href='/countries']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("countries")));
		browser.findElement(By.cssSelector("tr[data-iso3='YEM'] a")).click();
		WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("country-name")));
		assertThat(name.getText()).isEqualTo("اليمن");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
		browser.findElement(By.id("tab-reserves")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pane-reserves")));
		Browser.screenshot(browser, "country-ar");
	}

	@Test
	void filtersCountriesWithoutReloadingThePage() {
		browser = Browser.start(1280, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get(url("/countries?lang=fr"));
		browser.executeScript("window.notReloaded = true");
		browser.findElement(By.cssSelector("a[data-group='ASIAN']")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-iso3='EGY']")));

		assertThat(browser.findElements(By.cssSelector("tr[data-iso3='PAK']"))).hasSize(1);
		assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
		assertThat(browser.getCurrentUrl()).contains("group=ASIAN");
		Browser.screenshot(browser, "countries-fr-asian");
	}

	@Test
	void worksAtPhoneWidth() {
		browser = Browser.start(390, 844);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get(url("/?lang=ar"));
		wait.until(ExpectedConditions.attributeToBe(By.id("oic-map"), "data-ready", "true"));
		Browser.screenshot(browser, "dashboard-ar-phone");
		assertThat(horizontalOverflow()).isZero();

		browser.findElement(By.cssSelector(".navbar-toggler")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main-nav a[href='/countries']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("countries")));
		Browser.screenshot(browser, "countries-ar-phone");
		assertThat(horizontalOverflow()).isZero();
	}

	/** How far the page is wider than the screen: a phone reader would have to scroll sideways. */
	private long horizontalOverflow() {
		return (Long) browser.executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
