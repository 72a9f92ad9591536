package org.iofs.fse.shared.web;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.iofs.fse.shared.Named;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lists of members, commodities, reserves, hubs and organisations as pages show them: by name in the reader's
 * language and alphabet. Templates call it as {@code ${@byName.sorted(members)}}.
 * <p>
 * The lists sorted lately are kept per language for as long as the list each was sorted from is in use (the
 * reference lists are held by their modules' caches, which replace a list when it changes): collating the 57
 * members' names for every page cost more than drawing the choices. A list is recognised by identity, without a
 * lock: comparing lists by content, under a lock, made every page of sixteen concurrent readers wait on the others
 * while one hashed a whole list.
 */
@Component("byName")
public class NameOrder {

	/** How many sorted lists a language keeps; the reference lists a page sorts are fewer. */
	static final int KEPT = 16;

	private final PerLocale<AtomicReference<List<Sorted>>> recent = new PerLocale<>(
			locale -> new AtomicReference<>(List.of()));

	@SuppressWarnings("unchecked")
	public <T extends Named> List<T> sorted(Collection<T> items) {
		Locale locale = LocaleContextHolder.getLocale();
		AtomicReference<List<Sorted>> kept = recent.get(locale);
		List<Sorted> lists = kept.get();
		for (Sorted entry : lists) {
			if (entry.source().get() == items) {
				return (List<T>) entry.sorted();
			}
		}
		List<T> sorted = items.stream().sorted(Named.byName(locale)).toList();
		List<Sorted> updated = new ArrayList<>(KEPT);
		updated.add(new Sorted(new WeakReference<>(items), sorted));
		for (Sorted entry : lists) {
			if (updated.size() < KEPT && entry.source().get() != null) {
				updated.add(entry);
			}
		}
		// Two pages sorting at once may each publish their own; the loser's list is sorted again later, no more.
		kept.set(List.copyOf(updated));
		return sorted;
	}

	private record Sorted(WeakReference<Collection<?>> source, List<?> sorted) {
	}

}
