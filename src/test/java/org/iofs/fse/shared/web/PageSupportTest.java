package org.iofs.fse.shared.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.expression.Numbers;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and numbers from the formats kept per language read exactly as before: numbers as Thymeleaf's
 * {@code #numbers.formatDecimal(value, 1, 'DEFAULT', decimals, 'DEFAULT')} writes them, dates as a format built
 * for the one call, in each language the platform speaks and with either choice of digits in Arabic.
 */
class PageSupportTest {

	private final PageSupport page = new PageSupport(Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"),
			ZoneOffset.UTC));

	@AfterEach
	void forgetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr", "ar", "ar-u-nu-latn", "ar-u-nu-arab" })
	void numbersAndDatesReadAsTheTemplatesWroteThem(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		LocaleContextHolder.setLocale(locale);
		Numbers thymeleaf = new Numbers(locale);
		for (String value : List.of("0", "0.5", "1.005", "12.345", "1234.5", "987654321.995", "-42.125", "5500.000")) {
			BigDecimal number = new BigDecimal(value);
			for (int decimals : new int[] { 0, 1, 2, 3 }) {
				assertThat(page.decimal(number, decimals)).as("%s with %d decimals in %s", value, decimals, tag)
					.isEqualTo(thymeleaf.formatDecimal(number, 1, "DEFAULT", decimals, "DEFAULT"));
			}
		}
		LocalDate day = LocalDate.of(2027, 2, 21);
		assertThat(page.date(day)).isEqualTo(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(locale)
			.withDecimalStyle(DecimalStyle.of(locale))
			.format(day));
		assertThat(page.decimal(null, 2)).isEmpty();
		assertThat(page.date((LocalDate) null)).isEmpty();
	}

}
