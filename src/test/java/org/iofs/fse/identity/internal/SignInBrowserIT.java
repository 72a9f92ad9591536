package org.iofs.fse.identity.internal;

import org.iofs.fse.identity.TestAccounts;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.support.Browser;
import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in after one wrong password, works in Arabic and signs out; the pages they pass through raise
 * no Content-Security-Policy violation.
 */
@PlatformTest
class SignInBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ChromeDriver browser;

	@BeforeEach
	void accounts() {
		new TestAccounts(context).ensureStandardCallers();
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signsInAfterAWrongPasswordSwitchesToArabicAndSignsOut() {
		browser = Browser.start(1280, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys("t.admin");
		browser.findElement(By.id("password")).sendKeys("not-my-password");
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
		Browser.screenshot(browser, "sign-in-error-en");

		browser.findElement(By.id("username")).sendKeys("t.admin");
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));

		browser.findElement(By.cssSelector("#language-switcher a[data-lang='ar']")).click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
		browser.get(url("/admin/users"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("الحسابات");
		Browser.screenshot(browser, "users-ar");
		browser.get(url("/admin/audit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-events")));
		Browser.screenshot(browser, "audit-ar");
		browser.get(url("/account/tokens"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token-form")));
		Browser.screenshot(browser, "tokens-ar");

		browser.findElement(By.id("user-menu")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
		browser.get(url("/account/tokens"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")));
		Browser.screenshot(browser, "signed-out-ar");
	}

	@Test
	void aPersonTurnsOnTwoStepVerificationInArabicAndSignsInWithACode() {
		new TestAccounts(context).ensure("t.browser.totp", org.iofs.fse.access.Role.ANALYST, "");
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "t.browser.totp", "ar");

		browser.get(url("/account/security"));
		Browser.screenshot(browser, "security-off-ar");
		browser.findElement(By.id("turn-on")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qr-code")));
		Browser.screenshot(browser, "security-enrol-ar");
		String secret = browser.findElement(By.id("secret")).getText();
		browser.findElement(By.id("confirm-code")).sendKeys(SecondFactors.currentCode(secret, java.time.Instant.now()));
		browser.findElement(By.id("confirm")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		Browser.screenshot(browser, "security-recovery-codes-ar");
		String recovery = browser.findElements(By.cssSelector("#recovery-codes li")).get(0).getText();

		browser.findElement(By.id("user-menu")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys("t.browser.totp");
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-code")));
		Browser.screenshot(browser, "sign-in-code-needed-en");
		browser.findElement(By.id("username")).sendKeys("t.browser.totp");
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("code")).sendKeys(recovery);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		browser.get(url("/account/security"));
		Browser.screenshot(browser, "security-on-en");

		assertThat(browser.findElement(By.id("second-factor-status")).getText()).isEqualTo("On");
		assertThat(browser.findElement(By.id("recovery-left")).getText()).contains("9");
	}

	@Test
	void anAdministratorIsRemindedOfTwoStepVerificationAndSeesAnAccountsTokens() {
		java.util.UUID analyst = new TestAccounts(context).ensure("t.analyst", org.iofs.fse.access.Role.ANALYST, "");
		browser = Browser.start(1280, 1100);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "t.admin", "ar");

		browser.get(url("/admin/users/" + analyst));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-tokens")));
		assertThat(browser.findElement(By.id("second-factor-reminder")).isDisplayed()).isTrue();
		Browser.screenshot(browser, "user-tokens-ar");
		browser.get(url("/admin/users/" + analyst + "?lang=en"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-tokens")));
		Browser.screenshot(browser, "user-tokens-en");
		browser.get(url("/account/security?lang=fr"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("turn-on")));
		Browser.screenshot(browser, "security-fr");
	}

	@Test
	void aFocalPointReadsTheSecretariatsProposalInArabic() {
		new org.iofs.fse.support.Http(port).postJson("/api/v1/releases/proposals",
				"{\"country\": \"PAK\", \"commodity\": \"rice\", \"reason\": \"أسعار الأرز في أزمة في أسواق السند\"}",
				"Authorization", "Bearer " + TestAccounts.token(new org.iofs.fse.support.Http(port), "t.analyst"));
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "t.focal.pak", "ar");

		browser.get(url("/releases"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("release-proposals")));
		Browser.screenshot(browser, "release-proposals-ar");

		assertThat(browser.findElement(By.id("release-proposals")).getText()).contains("أسعار الأرز في أزمة");
	}

	@Test
	void theEntryGridChecksTheSheetAsTheFocalPointTypes() {
		browser = Browser.start(1700, 1400);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "t.focal.yem", "ar");

		browser.get(url("/countries/YEM/food-balance/entry?year=2035"));
		browser.findElement(By.name("v_2511_5511")).sendKeys("100");
		browser.findElement(By.name("v_2511_5611")).sendKeys("50");
		browser.findElement(By.name("v_2511_5301")).sendKeys("160");
		String wrong = browser.findElement(By.cssSelector("tr[data-item='2511'] [data-check='supply']")).getAttribute("data-passes");
		browser.findElement(By.name("v_2511_5301")).clear();
		browser.findElement(By.name("v_2511_5301")).sendKeys("150");
		browser.findElement(By.name("v_2511_5142")).sendKeys("150");
		Browser.screenshot(browser, "entry-ar");

		assertThat(wrong).isEqualTo("false");
		assertThat(browser.findElement(By.cssSelector("tr[data-item='2511'] [data-check='supply']")).getAttribute("data-passes"))
			.isEqualTo("true");
		assertThat(browser.findElement(By.cssSelector("tr[data-item='2511'] [data-check='use']")).getAttribute("data-passes"))
			.isEqualTo("true");
	}

	@Test
	void anAnalystImportsAFileFromThePage() {
		browser = Browser.start(1280, 1000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		signIn(wait, "t.analyst", "en");

		browser.get(url("/imports/faostat"));
		browser.findElement(By.id("import-file"))
			.sendKeys(java.nio.file.Path.of("../shared/data/samples/FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv")
				.toAbsolutePath()
				.normalize()
				.toString());
		browser.executeScript("window.notReloaded = true");
		browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-outcome")));
		Browser.screenshot(browser, "import-report-en");

		assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
		assertThat(browser.findElement(By.id("import-outcome")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("import-progress")).getAttribute("class")).contains("d-none");
		assertThat(browser.findElements(By.cssSelector("#import-runs tbody tr"))).isNotEmpty();
	}

	@Test
	void pagesRaiseNoContentSecurityPolicyViolation() {
		browser = Browser.start(1280, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		signIn(wait, "t.admin", "fr");

		for (String page : List.of("/", "/countries", "/countries/YEM", "/countries/EGY?tab=foodbalance", "/commodities",
				"/commodities/rice", "/admin/users", "/admin/users/new", "/admin/organisations", "/admin/audit",
				"/account/tokens", "/imports/faostat", "/food-balance/review", "/countries/YEM/food-balance/entry?year=2036")) {
			browser.get(url(page));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
		}
		browser.get(url("/"));
		wait.until(ExpectedConditions.attributeToBe(By.id("oic-map"), "data-ready", "true"));

		List<String> violations = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(violations).noneMatch(message -> message.contains("Content Security Policy"));
		assertThat(violations).isEmpty();
	}

	/** Signs in through the form, in the given language, and waits for the signed-in menu. */
	private void signIn(WebDriverWait wait, String username, String lang) {
		browser.get(url("/login?lang=" + lang));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
