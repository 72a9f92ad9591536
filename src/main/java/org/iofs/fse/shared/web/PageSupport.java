package org.iofs.fse.shared.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * What every page template needs from the request: the language, its direction, links that switch language
 * while keeping the page and its filters, and dates in the reader's language. Templates call it as
 * {@code @page}.
 */
@Component("page")
public class PageSupport {

	private final java.time.Clock clock;

	// Formats are built once per language: a long table formats hundreds of dates and numbers, and building a
	// localised format (its pattern and symbols looked up) cost more than the formatting.
	private final PerLocale<DateTimeFormatter> dates = new PerLocale<>(locale -> DateTimeFormatter
		.ofLocalizedDate(FormatStyle.LONG)
		.withLocale(locale)
		.withDecimalStyle(DecimalStyle.of(locale)));

	private final PerLocale<DateTimeFormatter> months = new PerLocale<>(
			locale -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).withDecimalStyle(DecimalStyle.of(locale)));

	private final PerLocale<DateTimeFormatter> dateTimes = new PerLocale<>(locale -> DateTimeFormatter
		.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
		.withLocale(locale)
		.withDecimalStyle(DecimalStyle.of(locale)));

	private final PerLocale<NumberFormat> numbers = new PerLocale<>(locale -> {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumIntegerDigits(1);
		format.setGroupingUsed(true);
		return format;
	});

	PageSupport(java.time.Clock clock) {
		this.clock = clock;
	}

	public SupportedLanguage language() {
		return SupportedLanguage.ofOrDefault(LocaleContextHolder.getLocale());
	}

	public String dir() {
		return language().rightToLeft() ? "rtl" : "ltr";
	}

	public List<LanguageLink> languageLinks() {
		HttpServletRequest request = currentRequest();
		SupportedLanguage current = language();
		return Arrays.stream(SupportedLanguage.values())
			.map(language -> new LanguageLink(language.code(), switchUrl(request, language), language == current))
			.toList();
	}

	public String date(LocalDate date) {
		return date == null ? "" : dates.get(locale()).format(date);
	}

	/** A month, as "November 2026" in the reader's language and digits. */
	public String month(LocalDate date) {
		return date == null ? "" : months.get(locale()).format(date);
	}

	/**
	 * A number with a fixed count of decimals, grouped, in the reader's digits and separators: what
	 * {@code #numbers.formatDecimal(value, 1, 'DEFAULT', decimals, 'DEFAULT')} writes, without building a format
	 * for every number of a long table.
	 */
	public String decimal(Number value, int decimals) {
		if (value == null) {
			return "";
		}
		NumberFormat format = (NumberFormat) numbers.get(locale()).clone();
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	/** The day an instant falls on in the platform's time zone ({@code fse.time.zone}). */
	public String date(Instant instant) {
		return instant == null ? "" : date(LocalDate.ofInstant(instant, clock.getZone()));
	}

	/** Date and time of an instant in the platform's time zone, in the reader's language and digits. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : dateTimes.get(locale()).withZone(clock.getZone()).format(instant);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static String switchUrl(HttpServletRequest request, SupportedLanguage language) {
		if (request == null) {
			return "?lang=" + language.code();
		}
		UriComponents uri = ServletUriComponentsBuilder.fromRequest(request)
			.replacePath(originalPath(request))
			.replaceQueryParam("lang", language.code())
			.build();
		return uri.getPath() + "?" + uri.getQuery();
	}

	/** On an error page the request path is the error dispatch's; the reader is still on the page they asked for. */
	private static String originalPath(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return original instanceof String path ? path : request.getRequestURI();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	public record LanguageLink(String code, String url, boolean active) {
	}

	/** Whether the reader sees Western digits (an Arabic reader's choice; every other language has them). */
	public boolean westernDigits() {
		return java.text.DecimalFormatSymbols.getInstance(locale()).getZeroDigit() == '0';
	}

	/** The locale as a BCP 47 tag, digits included ("ar-u-nu-latn"), for scripts that format numbers. */
	public String numberLocale() {
		return locale().toLanguageTag();
	}

	/** This page with the other choice of digits, for an Arabic reader. */
	public String digitsSwitchUrl() {
		HttpServletRequest request = currentRequest();
		String other = westernDigits() ? DigitsPreference.NATIVE : DigitsPreference.WESTERN;
		if (request == null) {
			return "?" + DigitsPreference.PARAM + "=" + other;
		}
		UriComponents uri = ServletUriComponentsBuilder.fromRequest(request)
			.replacePath(originalPath(request))
			.replaceQueryParam(DigitsPreference.PARAM, other)
			.build();
		return uri.getPath() + "?" + uri.getQuery();
	}

}
