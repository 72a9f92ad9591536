package org.iofs.fse.shared.web;

import java.util.Collection;
import java.util.List;

import org.iofs.fse.shared.Named;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lists of members, commodities, reserves, hubs and organisations as pages show them: by name in the reader's
 * language and alphabet. Templates call it as {@code ${@byName.sorted(members)}}.
 */
@Component("byName")
public class NameOrder {

	public <T extends Named> List<T> sorted(Collection<T> items) {
		return items.stream().sorted(Named.byName(LocaleContextHolder.getLocale())).toList();
	}

}
