package org.iofs.fse.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Browser;
import org.iofs.fse.support.BrowserIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the menu, for a visitor and for an administrator (whose menu holds every page), in the three
 * languages: at 390 pixels no page is wider than the screen, and axe-core finds no serious or critical
 * accessibility violation.
 */
class MenuPagesBrowserIT extends BrowserIT {

	private static final int PHONE = 390;

	private static final List<String> LANGUAGES = List.of("en", "ar", "fr");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorsPages() {
		browser = Browser.start(1400, 900);
		assertThat(problems(withAProject(menu()))).isEmpty();
	}

	@Test
	void anAdministratorsPages() {
		signIn("t.admin");
		List<String> pages = withAProject(menu());
		pages.add("/projects/pipeline");
		assertThat(problems(pages)).isEmpty();
	}

	/**
	 * The menu's pages, a project's page (its charts, results and forms are reached from the portfolio) and a
	 * commodity's strategy (reached from the list of strategic commodities).
	 */
	private List<String> withAProject(List<String> pages) {
		List<String> all = new ArrayList<>(pages);
		all.add("/strategy/wheat");
		jdbc.sql("""
				SELECT p.id FROM projects.project p WHERE p.published
				ORDER BY EXISTS (SELECT 1 FROM projects.result_indicator i WHERE i.project_id = p.id) DESC, p.id LIMIT 1
				""").query(Long.class).optional().ifPresent(id -> all.add("/projects/" + id));
		return all;
	}

	/** A focal point's and a hub operator's menus add their own pages: national entry, their hub. */
	@Test
	void aFocalPointsAndAHubOperatorsPages() {
		// The standard operator's hub, as the release tests make it.
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('TEST-RESERVE', 'Test reserve',
				    'احتياطي الاختبار', 'Réserve test') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code) VALUES ('TEST-HUB', 'TEST-HUB',
				    'WAREHOUSE', 'SEN', 'TEST-RESERVE') ON CONFLICT DO NOTHING
				""").update();
		signIn("t.focal.yem");
		List<String> focal = menu();
		assertThat(focal).contains("/countries/YEM/food-balance/entry", "/releases");
		assertThat(problems(focal)).isEmpty();
		browser.quit();
		signIn("t.hub");
		List<String> operator = menu();
		assertThat(operator).contains("/hubs/TEST-HUB", "/releases");
		assertThat(problems(operator)).isEmpty();
	}

	private void signIn(String username) {
		new TestAccounts(context).ensureStandardCallers();
		browser = Browser.start(1400, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("form button[type='submit']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
	}

	/**
	 * The check is not blind. In Latin script only: axe-core takes shaped (joined) Arabic text for an icon font's
	 * ligature and leaves it out of its colour contrast rule, so on Arabic pages that rule checks only digits and
	 * Latin words. The pages share one stylesheet in every language (the right-to-left Bootstrap build mirrors the
	 * layout, not the colours), so the English and French pages check the colours of the Arabic ones.
	 */
	@Test
	void theCheckSeesAPoorContrast() {
		browser = Browser.start(1400, 900);
		String axe = axeScript();
		for (String language : List.of("en", "fr")) {
			browser.get(url("/?lang=" + language));
			browser.executeScript("""
					const p = document.createElement('p');
					p.id = 'faint';
					p.textContent = document.querySelector('h1').textContent;
					p.style.color = '#bbbbbb';
					p.style.background = '#ffffff';
					document.querySelector('main').prepend(p);
					""");
			assertThat(violations(axe)).as(language).anySatisfy(v -> assertThat(v).contains("color-contrast")
				.contains("#faint"));
		}
	}

	/** The pages the menu links to, as the signed-in (or not) reader sees it. */
	private List<String> menu() {
		browser.get(url("/?lang=en"));
		Set<String> pages = new LinkedHashSet<>();
		for (WebElement link : browser.findElements(By.cssSelector("#main-nav a.nav-link, #main-nav a.dropdown-item"))) {
			String href = link.getAttribute("href");
			if (href != null && href.startsWith(url("/")) && !href.contains("swagger") && !href.contains("lang=")
					&& !href.endsWith("#")) {
				pages.add(href.substring(url("").length()));
			}
		}
		return new ArrayList<>(pages);
	}

	private List<String> problems(List<String> pages) {
		assertThat(pages).as("the menu").hasSizeGreaterThanOrEqualTo(5);
		String axe = axeScript();
		List<String> problems = new ArrayList<>();
		for (String language : LANGUAGES) {
			for (String page : pages) {
				String address = url(page) + (page.contains("?") ? "&" : "?") + "lang=" + language;
				browser.manage().window().setSize(new Dimension(1400, 900));
				browser.get(address);
				for (String violation : violations(axe)) {
					problems.add(page + " (" + language + "): " + violation);
				}
				browser.manage().window().setSize(new Dimension(PHONE, 844));
				browser.get(address);
				long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
				if (width > PHONE) {
					problems.add(page + " (" + language + "): " + width + " px wide at " + PHONE + " px");
				}
			}
		}
		return problems;
	}

	/** Serious and critical violations of the page. */
	@SuppressWarnings("unchecked")
	private List<String> violations(String axe) {
		browser.executeScript(axe);
		List<Map<String, Object>> found = (List<Map<String, Object>>) browser.executeAsyncScript(AXE_RUN, "{}");
		List<String> violations = new ArrayList<>();
		for (Map<String, Object> violation : found) {
			violations.add(violation.get("impact") + " " + violation.get("id") + " " + violation.get("nodes"));
		}
		return violations;
	}

	/** Runs axe with the options given as JSON; answers the serious and critical violations (or that it checked nothing). */
	private static final String AXE_RUN = """
			const done = arguments[arguments.length - 1];
			const options = Object.assign(JSON.parse(arguments[0]), { resultTypes: ['violations'] });
			axe.run(document, options)
			  .then(r => done(r.passes.length === 0 ? [{ id: 'axe checked nothing', impact: 'critical', nodes: [] }]
			    : r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
			      .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
			  .catch(e => done([{ id: 'axe failed: ' + e, impact: 'critical', nodes: [] }]));
			""";

	private static String axeScript() {
		try (InputStream in = MenuPagesBrowserIT.class.getResourceAsStream("/axe.min.js")) {
			assertThat(in).as("axe.min.js on the test classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
