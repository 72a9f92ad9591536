package org.iofs.fse.foodbalance.importing;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.iofs.fse.countries.FaostatAreas;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.iofs.fse.shared.imports.RowProblem;
import org.iofs.fse.shared.imports.RowProblems;

/**
 * Streams the values of a FAOSTAT Food Balances file, one record at a time: each value of a member state goes to
 * the consumer; aggregates and non-members are counted and skipped; unreadable rows are recorded as problems
 * with their line. Memory stays flat whatever the file size (only the first problems are kept).
 */
final class FbsRows {

	static final BigDecimal MAX_VALUE = new BigDecimal("99999999999999.9999");

	static final int MAX_PROBLEMS_KEPT = 1000;

	/** Flags that exist only in FAOSTAT's scheme before about 2022; one of them marks the file as old-scheme. */
	static final Set<String> OLD_ONLY_FLAGS = Set.of("F", "Fc", "Im", "*", "NR", "NV", "SD", "S");

	private final Set<Integer> knownElements;

	private final FaostatAreas.Factory areas;

	private final RowProblems problems = new RowProblems(MAX_PROBLEMS_KEPT);

	private long rowsRead;

	private long aggregates;

	private long nonMembers;

	private FaostatLayout layout;

	private boolean oldFlagScheme;

	private final Map<Integer, String> items = new TreeMap<>();

	FbsRows(Set<Integer> knownElements, FaostatAreas.Factory areas) {
		this.knownElements = knownElements;
		this.areas = areas;
	}

	/** Reads the whole file; throws IllegalArgumentException when its header is not a Food Balances layout. */
	void read(Reader input, Consumer<FbsRow> sink) throws IOException {
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(input)) {
			FaostatAreas resolver = null;
			for (CsvRecord record : csv) {
				if (layout == null) {
					layout = FaostatLayout.of(record.getFields());
					resolver = areas.forCodes(layout.areaCodes());
					continue;
				}
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				read(record, resolver, sink);
			}
		}
		if (layout == null) {
			throw new IllegalArgumentException("the file is empty");
		}
	}

	private void read(CsvRecord record, FaostatAreas resolver, Consumer<FbsRow> sink) {
		long line = record.getStartingLineNumber();
		rowsRead++;
		try {
			FaostatAreas.Area area = resolver.resolve(field(record, layout.area(), "Area Code"));
			if (area.kind() == FaostatAreas.Kind.AGGREGATE) {
				aggregates++;
				return;
			}
			if (area.kind() == FaostatAreas.Kind.NON_MEMBER) {
				nonMembers++;
				return;
			}
			int item = code(field(record, layout.itemCode(), "Item Code"), "Item Code");
			int element = code(field(record, layout.elementCode(), "Element Code"), "Element Code");
			if (!knownElements.contains(element)) {
				problems.add(line, "Element Code", "unknown element " + element);
				return;
			}
			String itemName = layout.item() >= 0 ? field(record, layout.item(), "Item") : "";
			String unit = normalizeUnit(field(record, layout.unit(), "Unit"));
			if (layout.kind() == FaostatLayout.Kind.WIDE) {
				for (FaostatLayout.YearColumn year : layout.years()) {
					String flag = year.flag() >= 0 ? field(record, year.flag(), "Y" + year.year() + "F") : "";
					value(line, area.iso3(), item, itemName, element, year.year(),
							field(record, year.value(), "Y" + year.year()), "Y" + year.year(), unit, flag, sink);
				}
			}
			else {
				int year = year(field(record, layout.year(), "Year"));
				String flag = layout.flag() >= 0 ? field(record, layout.flag(), "Flag") : "";
				value(line, area.iso3(), item, itemName, element, year, field(record, layout.value(), "Value"), "Value",
						unit, flag, sink);
			}
		}
		catch (RowException ex) {
			problems.add(line, ex.field, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			problems.add(line, "Area Code", ex.getMessage());
		}
	}

	private void value(long line, String iso3, int item, String itemName, int element, int year, String text,
			String field, String unit, String flag, Consumer<FbsRow> sink) {
		String number = text.strip();
		if (number.isEmpty()) {
			// An empty cell is no value (FAOSTAT leaves out what was not reported); nothing to store.
			return;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(number);
		}
		catch (NumberFormatException ex) {
			problems.add(line, field, "'" + RowProblems.abbreviate(number) + "' is not a number");
			return;
		}
		// Values are kept as numeric(18,4): beyond that a value is a mistake, refused here rather than by the merge.
		if (value.abs().compareTo(MAX_VALUE) > 0) {
			problems.add(line, field, "'" + RowProblems.abbreviate(number) + "' is beyond any balance value");
			return;
		}
		String cleanFlag = flag.strip();
		if (!oldFlagScheme && OLD_ONLY_FLAGS.contains(cleanFlag)) {
			oldFlagScheme = true;
		}
		String known = items.get(item);
		if (known == null || known.isBlank()) {
			items.put(item, itemName.strip());
		}
		sink.accept(new FbsRow(line, iso3, item, itemName, element, year, value, unit, cleanFlag));
	}

	/** FAOSTAT spells the same unit several ways across releases. */
	static String normalizeUnit(String unit) {
		String text = unit.strip();
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "1000 tonnes", "1000 t", "thousand tonnes" -> "1000 t";
			case "1000 persons", "1000 no", "1000 no." -> "1000 persons";
			default -> text;
		};
	}

	private static int code(String text, String field) {
		// FAOSTAT writes codes as 2511, '2511 (M49-style) or 'S2511 (FBS item codes in newer files).
		String digits = text.strip();
		if (digits.startsWith("'")) {
			digits = digits.substring(1);
		}
		if (digits.startsWith("S")) {
			digits = digits.substring(1);
		}
		try {
			int code = Integer.parseInt(digits);
			if (code <= 0) {
				throw new RowException(field, "'" + RowProblems.abbreviate(text) + "' is not a code");
			}
			return code;
		}
		catch (NumberFormatException ex) {
			throw new RowException(field, "'" + RowProblems.abbreviate(text) + "' is not a code");
		}
	}

	private static int year(String text) {
		String digits = text.strip();
		if (digits.length() != 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new RowException("Year", "'" + RowProblems.abbreviate(text) + "' is not a year");
		}
		int year = Integer.parseInt(digits);
		if (year < 1900 || year > 2100) {
			throw new RowException("Year", year + " is outside 1900-2100");
		}
		return year;
	}

	private static String field(CsvRecord record, int index, String name) {
		if (index >= record.getFieldCount()) {
			throw new RowException(name, "the row has only " + record.getFieldCount() + " fields");
		}
		return record.getField(index);
	}

	/** The FBS items met, with their names: a few hundred at most, whatever the file size. */
	Map<Integer, String> items() {
		return items;
	}

	boolean oldFlagScheme() {
		return oldFlagScheme;
	}

	FaostatLayout layout() {
		return layout;
	}

	List<RowProblem> problems() {
		return problems.first();
	}

	long problemCount() {
		return problems.count();
	}

	long rowsRead() {
		return rowsRead;
	}

	long aggregates() {
		return aggregates;
	}

	long nonMembers() {
		return nonMembers;
	}

	private static final class RowException extends RuntimeException {

		final String field;

		RowException(String field, String reason) {
			super(reason);
			this.field = field;
		}

	}

}
