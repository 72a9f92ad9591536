package org.iofs.fse.home;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-rendered pages, in each language, as a browser receives them. */
@PlatformTest
class PagesIT {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@ParameterizedTest
	@CsvSource({ "en, ltr, OIC Food Security Ecosystem", "ar, rtl, منظومة الأمن الغذائي لمنظمة التعاون الإسلامي",
			"fr, ltr, Écosystème de sécurité alimentaire de l'OCI" })
	void rendersTheDashboardInEachLanguage(String lang, String dir, String heading) {
		HttpResponse<String> page = http.get("/?lang=" + lang);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"" + lang + "\" dir=\"" + dir + "\" data-locale=\"" + lang + "\">");
		assertThat(page.body()).contains(heading.replace("'", "&#39;"));
		assertThat(page.body()).contains(lang.equals("ar") ? "/bootstrap.rtl.min-" : "/bootstrap.min-");
	}

	@Test
	void remembersTheChosenLanguageInACookie() {
		HttpResponse<String> choose = http.get("/?lang=ar");
		String cookie = choose.headers().firstValue("Set-Cookie").orElseThrow();

		HttpResponse<String> next = http.get("/countries", "Cookie", cookie.substring(0, cookie.indexOf(';')));

		assertThat(cookie).startsWith("fse-lang=ar").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
		assertThat(next.body()).contains("dir=\"rtl\"").contains("الدول الأعضاء");
	}

	@Test
	void anArabicReaderMayChooseWesternDigitsAndKeepsThem() {
		String native_ = http.get("/countries?lang=ar").body();
		HttpResponse<String> choose = http.get("/countries?lang=ar&digits=latn");
		String cookies = choose.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
			.reduce((a, b) -> a + "; " + b).orElseThrow();
		String later = http.get("/commodities", "Cookie", cookies).body();

		assertThat(native_).contains("data-locale=\"ar\"").contains("id=\"digits-switch\"").containsPattern("[٠-٩]");
		assertThat(cookies).contains("fse-digits=latn").contains("fse-lang=ar");
		assertThat(later).contains("lang=\"ar\"").contains("data-locale=\"ar-u-nu-latn\"");
		// Only the switch back shows Arabic-Indic digits, as its own label.
		assertThat(later.replace(">٠ ١ ٢</a>", "")).doesNotContainPattern("[٠-٩]");
		assertThat(http.get("/countries?lang=fr").body()).doesNotContain("id=\"digits-switch\"");
	}

	@Test
	void followsTheBrowserLanguageUntilAChoiceIsMade() {
		assertThat(http.get("/", "Accept-Language", "fr-FR,fr;q=0.9").body()).contains("lang=\"fr\"");
		assertThat(http.get("/", "Accept-Language", "de-DE").body()).contains("lang=\"en\"");
		assertThat(http.get("/?lang=de").body()).contains("lang=\"en\"");
	}

	@Test
	void formatsNumbersAndDatesForTheLocale() {
		HttpResponse<String> arabic = http.get("/commodities?lang=ar");
		HttpResponse<String> french = http.get("/commodities?lang=fr");
		HttpResponse<String> english = http.get("/commodities?lang=en");

		// 8,840 kcal per kg for palm oil: Arabic-Indic digits in Arabic, a narrow space in French, a comma in English.
		assertThat(arabic.body()).contains("٨٬٨٤٠");
		assertThat(french.body()).contains("8\u202f840");
		assertThat(english.body()).contains("8,840");
		assertThat(http.get("/?lang=fr").body()).containsPattern("mises à jour le \\d{1,2} \\p{L}+ \\d{4}");
	}

	@Test
	void filtersCountriesByGroupAndSwapsOnlyTheTableForHtmx() {
		HttpResponse<String> full = http.get("/countries?group=AFRICAN&lang=en");
		HttpResponse<String> fragment = http.get("/countries?group=AFRICAN&lang=en", "HX-Request", "true");

		assertThat(full.body()).contains("data-iso3=\"NGA\"").doesNotContain("data-iso3=\"EGY\"").contains("<nav class=\"navbar");
		assertThat(fragment.body()).contains("data-iso3=\"NGA\"").doesNotContain("<html").doesNotContain("navbar");
		assertThat(fragment.body()).startsWith("<div id=\"country-table\"");
	}

	@Test
	void sortsCountriesByTheChosenColumn() {
		String bySince = http.get("/countries?sort=since&dir=desc&lang=en").body();
		String byName = http.get("/countries?sort=name&lang=en").body();

		// Côte d'Ivoire joined last (2001); Afghanistan comes first by name.
		assertThat(bySince.indexOf("data-iso3=\"CIV\"")).isLessThan(bySince.indexOf("data-iso3=\"AFG\""));
		assertThat(byName.indexOf("data-iso3=\"AFG\"")).isLessThan(byName.indexOf("data-iso3=\"ALB\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/countries/PAK", "/countries/pak", "/countries/PAK?tab=foodbalance", "/countries/PAK?tab=nonsense",
			"/commodities/wheat", "/commodities/cereals" })
	void showsRecordPages(String path) {
		assertThat(http.get(path + "?lang=fr").statusCode()).isEqualTo(200);
	}

	@Test
	void theCountryPageIsACockpitWithTabs() {
		String body = http.get("/countries/SEN?lang=en").body();

		assertThat(body).contains("Senegal").contains("Dakar").contains("id=\"tab-foodbalance\"")
			.contains("id=\"tab-prices\"").contains("id=\"tab-reserves\"");
	}

	@Test
	void answersUnknownPagesWithALocalizedNotFoundPage() {
		HttpResponse<String> country = http.get("/countries/XYZ?lang=ar", "Accept", "text/html");
		HttpResponse<String> page = http.get("/no-such-page?lang=fr", "Accept", "text/html");

		assertThat(country.statusCode()).isEqualTo(404);
		assertThat(country.body()).contains("dir=\"rtl\"").contains("الصفحة غير موجودة");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page introuvable");
	}

	@Test
	void listsDownloadAsCsvAndXlsxInTheReadersLanguage() {
		HttpResponse<String> csv = http.get("/countries.csv?group=ARAB&lang=fr");
		HttpResponse<String> xlsx = http.get("/commodities.xlsx");

		assertThat(csv.body()).startsWith("\uFEFFiso3,iso2,m49").contains("EGY,EG,818,59,Égypte,ARAB").doesNotContain("PAK");
		assertThat(csv.body().lines().count()).isEqualTo(23);
		assertThat(xlsx.headers().firstValue("Content-Type")).get().asString().contains("spreadsheetml");
		assertThat(xlsx.body()).startsWith("PK");
	}

	@Test
	void languageLinksKeepThePageAndItsFilters() {
		String body = http.get("/countries?group=ASIAN&lang=en").body();

		assertThat(body).contains("href=\"/countries?group=ASIAN&amp;lang=ar\"");
	}

	@Test
	void servesTheMapDataInTheReadersLanguage() {
		String body = http.get("/dashboard/map-data?lang=ar").body();

		assertThat(body).contains("\"shape\":\"Turkey\"").contains("\"name\":\"تركيا\"").contains("المجموعة العربية");
	}

}
