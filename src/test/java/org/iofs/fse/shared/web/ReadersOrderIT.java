package org.iofs.fse.shared.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Members, commodities, reserves and hubs are listed by name in the reader's alphabet, never by code. */
class ReadersOrderIT extends PlatformIT {

	@BeforeEach
	void twoReservesWhoseNamesSortDifferentlyInEachLanguage() {
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES
				    ('ORDER-1', 'Zeta reserve', 'احتياطي ألف', 'Réserve zêta'),
				    ('ORDER-2', 'Alpha reserve', 'احتياطي ياء', 'Réserve alpha')
				ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.reserve_member VALUES ('ORDER-1', 'DZA'), ('ORDER-1', 'EGY'), ('ORDER-1', 'MAR'),
				    ('ORDER-1', 'TCD') ON CONFLICT DO NOTHING
				""").update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "fr", "en" })
	void listsFollowTheReadersAlphabet(String language) {
		Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
		String alerts = page("/alerts?lang=" + language);
		assertInOrder(options(alerts, "alerts-country"), collator, "members on /alerts in " + language, 57);
		assertInOrder(options(alerts, "alerts-commodity"), collator, "commodities on /alerts in " + language, 10);
		String reserves = page("/reserves?lang=" + language);
		assertInOrder(cells(table(reserves, "reserves-table")), collator, "reserves in " + language, 2);
		String reserve = page("/reserves/ORDER-1?lang=" + language);
		assertInOrder(cells(table(reserve, "members-table")), collator, "a reserve's members in " + language, 3);
	}

	private String page(String path) {
		var response = http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static void assertInOrder(List<String> names, Collator collator, String what, int atLeast) {
		assertThat(names).as(what).hasSizeGreaterThanOrEqualTo(atLeast);
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(collator);
		assertThat(names).as(what).containsExactlyElementsOf(sorted);
	}

	/** The texts of a select's options that have a value (the "all" choice has none). */
	private static List<String> options(String html, String selectId) {
		Matcher select = Pattern.compile("<select[^>]*id=\"" + selectId + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(html);
		assertThat(select.find()).as(selectId).isTrue();
		return texts(Pattern.compile("<option value=\"[^\"]+\"[^>]*>([^<]+)</option>"), select.group(1));
	}

	private static String table(String html, String id) {
		Matcher table = Pattern.compile("<table[^>]*id=\"" + id + "\"[^>]*>(.*?)</table>", Pattern.DOTALL).matcher(html);
		assertThat(table.find()).as(id).isTrue();
		return table.group(1);
	}

	/** The first cell's link text of each body row. */
	private static List<String> cells(String table) {
		String body = table.substring(table.indexOf("<tbody"));
		return texts(Pattern.compile("<tr[^>]*>\\s*<td[^>]*>\\s*<a[^>]*>([^<]+)</a>"), body);
	}

	private static List<String> texts(Pattern pattern, String html) {
		List<String> texts = new ArrayList<>();
		Matcher matcher = pattern.matcher(html);
		while (matcher.find()) {
			texts.add(matcher.group(1).replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"").strip());
		}
		return texts;
	}

}
