package org.iofs.fse.shared.web;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import org.iofs.fse.shared.Named;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lists of members, commodities, reserves, hubs and organisations as pages show them: by name in the reader's
 * language and alphabet. Templates call it as {@code ${@byName.sorted(members)}}.
 * <p>
 * A sorted list is kept per language for as long as the list it was sorted from is in use (the reference lists
 * are held by their modules' caches): collating the 57 members' names for every page cost more than drawing the
 * choices.
 */
@Component("byName")
public class NameOrder {

	private final PerLocale<Map<Collection<?>, List<?>>> sortedLists = new PerLocale<>(
			locale -> Collections.synchronizedMap(new WeakHashMap<>()));

	@SuppressWarnings("unchecked")
	public <T extends Named> List<T> sorted(Collection<T> items) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<Collection<?>, List<?>> kept = sortedLists.get(locale);
		List<T> sorted = (List<T>) kept.get(items);
		if (sorted == null) {
			sorted = items.stream().sorted(Named.byName(locale)).toList();
			kept.put(items, sorted);
		}
		return sorted;
	}

}
