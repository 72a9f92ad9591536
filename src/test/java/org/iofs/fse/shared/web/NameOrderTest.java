package org.iofs.fse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.shared.Named;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

class NameOrderTest {

	record Member(Map<String, String> names) implements Named {

		@Override
		public String name(Locale locale) {
			return names.get(locale.getLanguage());
		}

	}

	static final Member EGYPT = new Member(Map.of("en", "Egypt", "ar", "مصر", "fr", "Égypte"));

	static final Member ALGERIA = new Member(Map.of("en", "Algeria", "ar", "الجزائر", "fr", "Algérie"));

	static final Member TURKIYE = new Member(Map.of("en", "Türkiye", "ar", "تركيا", "fr", "Turquie"));

	private final NameOrder order = new NameOrder();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void sortsByTheReadersNamesAndAlphabet() {
		List<Member> members = List.of(TURKIYE, EGYPT, ALGERIA);
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(order.sorted(members)).containsExactly(ALGERIA, EGYPT, TURKIYE);
		LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
		assertThat(order.sorted(members)).containsExactly(ALGERIA, TURKIYE, EGYPT);
		LocaleContextHolder.setLocale(Locale.FRENCH);
		// Accents after the letter: Égypte between Algérie and Turquie, not after them.
		assertThat(order.sorted(members)).containsExactly(ALGERIA, EGYPT, TURKIYE);
	}

	@Test
	void keepsTheSortedListWhileItsSourceIsTheSameList() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<Member> members = List.of(TURKIYE, EGYPT, ALGERIA);
		assertThat(order.sorted(members)).isSameAs(order.sorted(members));
	}

	@Test
	void aListThatReplacesAnotherIsSortedAnewEvenWhenEqual() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<Member> before = new ArrayList<>(List.of(TURKIYE, EGYPT));
		List<Member> sortedBefore = order.sorted(before);
		// A module's cache replaces its list when the reference data changes: a list is known by identity.
		List<Member> after = new ArrayList<>(List.of(TURKIYE, EGYPT, ALGERIA));
		assertThat(order.sorted(after)).containsExactly(ALGERIA, EGYPT, TURKIYE);
		assertThat(order.sorted(new ArrayList<>(before))).isNotSameAs(sortedBefore).isEqualTo(sortedBefore);
	}

	@Test
	void keepsOnlyTheListsSortedLately() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<Member> first = List.of(EGYPT, ALGERIA);
		List<Member> sortedFirst = order.sorted(first);
		List<List<Member>> later = new ArrayList<>();
		for (int i = 0; i < NameOrder.KEPT; i++) {
			later.add(List.of(TURKIYE, EGYPT));
			order.sorted(later.get(i));
		}
		assertThat(order.sorted(first)).isNotSameAs(sortedFirst).isEqualTo(sortedFirst);
	}

}
