package org.iofs.fse.foodbalance.importing;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.iofs.fse.foodbalance.internal.BalanceLines;

/**
 * Merges a staged file into the balance lines, set-based: the item catalogue first (so that no item of the file
 * is dropped), then one line per key if the file repeated some, then the merge, which touches only the values
 * that differ and counts what it inserted, updated and left unchanged.
 */
final class FbsMerge {

	private static final String ITEM = """
			INSERT INTO foodbalance.fbs_item (code, name_en) VALUES (:code, :name) ON CONFLICT (code) DO NOTHING
			""";

	private FbsMerge() {
	}

	/**
	 * @param items the FBS items the file names, with their names, for the catalogue
	 * @param oldScheme whether the file uses FAOSTAT's old flag scheme
	 * @param repeatedLines whether the staging holds some key more than once
	 */
	static BalanceLines.Counts apply(JdbcClient jdbc, long importId, Map<Integer, String> items, boolean oldScheme,
			boolean repeatedLines, Collection<String> members) {
		items.forEach((code, name) -> jdbc.sql(ITEM)
			.param("code", code)
			.param("name", name.isBlank() ? "FBS item " + code : name)
			.update());
		if (repeatedLines) {
			jdbc.sql("SET LOCAL work_mem = '256MB'").update();
			BalanceLines.collapseRepeatedKeys(jdbc);
		}
		return BalanceLines.merge(jdbc, BalanceLines.Source.ofImport(importId), oldScheme, members);
	}

}
