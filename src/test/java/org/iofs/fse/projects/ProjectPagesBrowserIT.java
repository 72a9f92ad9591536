package org.iofs.fse.projects;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Browser;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project pages in Chromium: the portfolio's map and a project's financing and results charts are drawn; a
 * financier expresses interest from the project page and the Secretariat takes the opportunity to due diligence
 * from the pipeline page; the portfolio downloads as CSV and Excel with its filters.
 */
class ProjectPagesBrowserIT extends PlatformIT {

	ChromeDriver browser;

	@AfterEach
	void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void chartsAreDrawnAndAnInterestGoesFromTheProjectPageToThePipeline() {
		String analyst = bearer("t.analyst");
		String code = "PAGES-" + (System.nanoTime() % 1_000_000);
		HttpResponse<String> created = http.postJson("/api/v1/projects", """
				{"code": "%s", "titleEn": "Mill modernisation", "titleAr": "تحديث المطاحن", "titleFr": "Modernisation des moulins",
				 "descriptionEn": "New mills.", "descriptionAr": "مطاحن جديدة.", "descriptionFr": "Nouveaux moulins.",
				 "kind": "NATIONAL_PROJECT", "stage": "APPRAISAL", "valueChainStage": "PROCESSING", "commodities": ["wheat"],
				 "countries": [{"code": "SEN", "percentage": 100}], "sectors": [{"code": "32161", "percentage": 100}],
				 "locations": [{"names": {"en": "Thiès", "ar": "تياس", "fr": "Thiès"}, "country": "SEN", "latitude": 14.79, "longitude": -16.93}],
				 "organisations": [{"name": "Islamic Organization for Food Security", "role": 3, "type": "40"}],
				 "plannedStart": "%s", "seekingUsd": 4000000, "published": true}
				""".formatted(code, LocalDate.now().plusMonths(3)), "Authorization", analyst);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		http.postJson("/api/v1/projects/" + id + "/transactions", ProjectsIT.transaction(2, "USD", "1000000", "GRANT"),
				"Authorization", analyst);
		http.putJson("/api/v1/projects/" + id + "/results", """
				[{"titleEn": "Flour milled", "titleAr": "الدقيق المطحون", "titleFr": "Farine moulue", "unit": "TONNES",
				  "baselineYear": %d, "baselineValue": 1000, "periods": [{"year": %d, "target": 5000, "actual": 1500}]}]
				""".formatted(LocalDate.now().getYear() - 1, LocalDate.now().getYear()), "Authorization", analyst);

		signIn("t.financier");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(url("/projects?lang=en&commodity=wheat"));
		wait.until(ExpectedConditions.attributeToBe(By.id("portfolio-map"), "data-ready", "true"));
		browser.get(url("/projects/" + id + "?lang=ar"));
		wait.until(ExpectedConditions.attributeToBe(By.id("financing-chart"), "data-ready", "true"));
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-indicator-chart]"), "data-ready", "true"));
		assertThat(browser.findElement(By.id("project-gap")).getText()).contains("٣").doesNotContain("3,000,000");
		browser.findElement(By.id("i-amount")).sendKeys("2500000");
		new Select(browser.findElement(By.id("i-mode"))).selectByValue("ISTISNAA");
		browser.findElement(By.cssSelector("#interest-form button[type='submit']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opportunities")));
		assertThat(browser.findElements(By.cssSelector("#opportunities tr[data-opportunity]"))).hasSize(1);
		browser.quit();

		signIn("t.analyst");
		browser.get(url("/projects/pipeline?lang=fr"));
		long opportunity = jdbc.sql("SELECT id FROM projects.opportunity WHERE project_id = :id").param("id", id)
			.query(Long.class).single();
		browser.findElement(By.cssSelector("tr[data-opportunity='" + opportunity + "'] button[value='DUE_DILIGENCE']"))
			.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("tr[data-opportunity='" + opportunity + "']"), "Due diligence"));
		assertThat(jdbc.sql("SELECT status FROM projects.opportunity WHERE id = :id").param("id", opportunity)
			.query(String.class).single()).isEqualTo("DUE_DILIGENCE");

		HttpResponse<String> csv = http.get("/projects/export.csv?commodity=wheat&stage=APPRAISAL");
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).contains("code,title,kind,stage");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(code + ",Mill modernisation"))
			.allSatisfy(line -> assertThat(line).doesNotContain("IMPLEMENTATION"));
		HttpResponse<String> xlsx = http.get("/projects/export.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	private void signIn(String username) {
		new TestAccounts(context).ensureStandardCallers();
		browser = Browser.start(1400, 900);
		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("form button[type='submit']")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
