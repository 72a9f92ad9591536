package org.iofs.fse.strategy.internal;

import java.util.List;
import java.util.Locale;

import org.iofs.fse.countries.FaostatAreas.CodeSystem;

/**
 * Where the fields of a FAOSTAT Detailed Trade Matrix file are, found by header name: the bulk normalized CSV
 * (reporter and partner with their FAO and M49 codes, the item with its FAO and CPC codes) and the web-UI export
 * (one code system per area column, Element before Item, a Flag Description). FAO area codes are preferred where a
 * file has both, then M49, then ISO3; the FAO item code before the CPC code.
 */
record TradeMatrixLayout(String describe, CodeSystem reporterCodes, int reporter, CodeSystem partnerCodes,
		int partner, boolean cpcItems, int item, int itemName, int elementCode, int element, int year, int unit,
		int value, int flag) {

	/** Reads the header, or says which column is missing. */
	static TradeMatrixLayout of(List<String> header) {
		List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
		Area reporter = area(names, "reporter");
		Area partner = area(names, "partner");
		int itemCode = first(names, "item code", "item code (fao)");
		boolean cpc = false;
		if (itemCode < 0) {
			itemCode = require(names, "item code (cpc)", "Item Code");
			cpc = true;
		}
		String describe = names.contains("domain code") ? "FAOSTAT trade matrix web export" : "FAOSTAT trade matrix bulk normalized";
		return new TradeMatrixLayout(describe + " (areas " + reporter.codes + ", items " + (cpc ? "CPC" : "FAO") + ")",
				reporter.codes, reporter.index, partner.codes, partner.index, cpc, itemCode, first(names, "item"),
				require(names, "element code", "Element Code"), first(names, "element"), require(names, "year", "Year"),
				require(names, "unit", "Unit"), require(names, "value", "Value"), first(names, "flag"));
	}

	private record Area(CodeSystem codes, int index) {
	}

	private static Area area(List<String> names, String side) {
		String[][] candidates = { { side + " country code", "FAO" }, { side + " code", "FAO" },
				{ side + " country code (fao)", "FAO" }, { side + " country code (m49)", "M49" },
				{ side + " code (m49)", "M49" }, { side + " country code (iso3)", "ISO3" } };
		for (String[] candidate : candidates) {
			int index = names.indexOf(candidate[0]);
			if (index >= 0) {
				return new Area(CodeSystem.valueOf(candidate[1]), index);
			}
		}
		String label = side.substring(0, 1).toUpperCase(Locale.ROOT) + side.substring(1);
		throw new IllegalArgumentException("no '" + label + " Country Code' column (nor its M49 or ISO3 variant): "
				+ "not a FAOSTAT Detailed Trade Matrix file");
	}

	private static int first(List<String> names, String... candidates) {
		for (String candidate : candidates) {
			int index = names.indexOf(candidate);
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}

	private static int require(List<String> names, String name, String label) {
		int index = names.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("no '" + label + "' column: not a FAOSTAT Detailed Trade Matrix file");
		}
		return index;
	}

}
