package org.iofs.fse.shared;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names sort as their readers expect, whatever their codes. */
class NamedTest {

	record Member(String code, LocalizedText names) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	private static final List<Member> MEMBERS = List.of(
			new Member("YEM", new LocalizedText("Yemen", "اليمن", "Yémen")),
			new Member("ARE", new LocalizedText("United Arab Emirates", "الإمارات العربية المتحدة", "Émirats arabes unis")),
			new Member("EGY", new LocalizedText("Egypt", "مصر", "Égypte")),
			new Member("TCD", new LocalizedText("Chad", "تشاد", "Tchad")),
			new Member("DZA", new LocalizedText("Algeria", "الجزائر", "Algérie")),
			new Member("GAB", new LocalizedText("Gabon", "الغابون", "Gabon")));

	@Test
	void frenchReadersFindAccentedNamesUnderTheirLetter() {
		assertThat(sorted(Locale.FRENCH)).containsExactly("Algérie", "Égypte", "Émirats arabes unis", "Gabon", "Tchad",
				"Yémen");
	}

	@Test
	void arabicReadersGetArabicOrder() {
		assertThat(sorted(Locale.forLanguageTag("ar"))).containsExactly("الإمارات العربية المتحدة", "الجزائر",
				"الغابون", "اليمن", "تشاد", "مصر");
	}

	@Test
	void englishReadersGetEnglishOrderNotCodes() {
		assertThat(sorted(Locale.ENGLISH)).containsExactly("Algeria", "Chad", "Egypt", "Gabon", "United Arab Emirates",
				"Yemen");
	}

	private static List<String> sorted(Locale locale) {
		return MEMBERS.stream().sorted(Named.byName(locale)).map(m -> m.name(locale)).toList();
	}

}
