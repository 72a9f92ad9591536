package org.iofs.fse.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Something built once per language and kept (a format, a sorted list of choices). Only the platform's few
 * locales are ever asked for; should others be, past {@link #LIMIT} they are built each time instead of kept.
 */
public final class PerLocale<T> {

	static final int LIMIT = 16;

	private final Map<Locale, T> built = new ConcurrentHashMap<>();

	private final Function<Locale, T> builder;

	public PerLocale(Function<Locale, T> builder) {
		this.builder = builder;
	}

	public T get(Locale locale) {
		T kept = built.get(locale);
		if (kept != null) {
			return kept;
		}
		T made = builder.apply(locale);
		if (built.size() < LIMIT) {
			built.putIfAbsent(locale, made);
		}
		return made;
	}

}
