package org.iofs.fse.foodbalance.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iofs.fse.countries.FaostatAreas.CodeSystem;

/**
 * Where the fields are in one of the FAOSTAT Food Balances layouts, found by header name: the bulk normalized
 * CSV (a row per value), the bulk wide CSV (a column per year, with or without flag columns) and the web-UI
 * export (its own column order and a code system in the area header).
 */
record FaostatLayout(Kind kind, CodeSystem areaCodes, int area, int itemCode, int item, int elementCode, int unit,
		int year, int value, int flag, List<YearColumn> years) {

	enum Kind {

		NORMALIZED, WIDE, WEB_EXPORT

	}

	/** A wide file's year column and, when present, its flag column. */
	record YearColumn(int year, int value, int flag) {
	}

	private static final Pattern YEAR = Pattern.compile("Y(\\d{4})");

	private static final Pattern YEAR_FLAG = Pattern.compile("Y(\\d{4})F");

	/** Reads the header, or explains which column is missing. */
	static FaostatLayout of(List<String> header) {
		List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int elementCode = require(names, "element code");
		int unit = require(names, "unit");
		if (names.contains("domain code")) {
			int area = first(names, "area code (m49)", "area code (iso3)", "area code (fao)", "area code", "country code");
			if (area < 0) {
				throw new IllegalArgumentException("no area code column (Area Code (M49), Area Code (ISO3) or Area Code (FAO))");
			}
			CodeSystem codes = names.get(area).contains("m49") ? CodeSystem.M49
					: names.get(area).contains("iso3") ? CodeSystem.ISO3 : CodeSystem.FAO;
			int itemCode = first(names, "item code (fbs)", "item code", "item code (fao)");
			return new FaostatLayout(Kind.WEB_EXPORT, codes, area, requireFound(itemCode, "Item Code (FBS)"),
					first(names, "item"), elementCode, unit, require(names, "year"), require(names, "value"),
					first(names, "flag"), List.of());
		}
		int area = first(names, "area code");
		CodeSystem codes = CodeSystem.FAO;
		if (area < 0) {
			area = first(names, "area code (m49)");
			codes = CodeSystem.M49;
		}
		requireFound(area, "Area Code");
		int itemCode = requireFound(first(names, "item code"), "Item Code");
		if (names.contains("value")) {
			return new FaostatLayout(Kind.NORMALIZED, codes, area, itemCode, first(names, "item"), elementCode, unit,
					require(names, "year"), require(names, "value"), first(names, "flag"), List.of());
		}
		List<YearColumn> years = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			Matcher year = YEAR.matcher(header.get(i).strip());
			if (year.matches()) {
				int value = Integer.parseInt(year.group(1));
				// The balance tables hold 1900-2100; a column beyond them is a damaged header, not data to skip.
				if (value < 1900 || value > 2100) {
					throw new IllegalArgumentException("the year column " + header.get(i).strip() + " is outside 1900-2100");
				}
				years.add(new YearColumn(value, i, flagColumn(header, year.group(1))));
			}
		}
		if (years.isEmpty()) {
			throw new IllegalArgumentException("no Value column and no year columns (Y2014, Y2015, ...)");
		}
		return new FaostatLayout(Kind.WIDE, codes, area, itemCode, first(names, "item"), elementCode, unit, -1, -1, -1,
				years);
	}

	String describe() {
		return switch (kind) {
			case NORMALIZED -> "FAOSTAT bulk normalized";
			case WIDE -> "FAOSTAT bulk wide" + (years.stream().anyMatch(y -> y.flag() >= 0) ? " with flags" : " without flags");
			case WEB_EXPORT -> "FAOSTAT web export (area codes " + areaCodes + ")";
		};
	}

	private static int flagColumn(List<String> header, String year) {
		for (int i = 0; i < header.size(); i++) {
			Matcher flag = YEAR_FLAG.matcher(header.get(i).strip());
			if (flag.matches() && flag.group(1).equals(year)) {
				return i;
			}
		}
		return -1;
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

	private static int require(List<String> names, String name) {
		return requireFound(names.indexOf(name), name);
	}

	private static int requireFound(int index, String name) {
		if (index < 0) {
			throw new IllegalArgumentException("no '" + name + "' column");
		}
		return index;
	}

}
