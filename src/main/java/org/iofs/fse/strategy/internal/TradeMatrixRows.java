package org.iofs.fse.strategy.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.iofs.fse.countries.FaostatAreas;
import org.iofs.fse.shared.imports.RowProblem;
import org.iofs.fse.shared.imports.RowProblems;

/**
 * Streams the flows of a FAOSTAT Detailed Trade Matrix file, one record at a time. A flow of a strategic item with a
 * member on one side at least goes to the sink, a non-member side named {@value #REST_OF_WORLD}; items of other
 * commodities, flows between two non-members and regional aggregates are counted and skipped; unreadable rows are
 * recorded with their line, field and reason. Memory stays flat whatever the file's size.
 */
final class TradeMatrixRows {

	static final String REST_OF_WORLD = "ROW";

	static final int MAX_PROBLEMS_KEPT = 1000;

	static final BigDecimal MAX_VALUE = new BigDecimal("99999999999999999.999");

	/** A flow as the file gives it, in tonnes of the item or thousand US dollars. */
	record Flow(String reporter, String partner, int item, int year, Element element, BigDecimal value, String flag) {
	}

	/** The four elements of the trade matrix the platform keeps. */
	enum Element {

		IMPORT_QUANTITY(5610, true), EXPORT_QUANTITY(5910, true), IMPORT_VALUE(5622, false), EXPORT_VALUE(5922, false);

		final int code;

		final boolean quantity;

		Element(int code, boolean quantity) {
			this.code = code;
			this.quantity = quantity;
		}

		static Optional<Element> of(int code) {
			for (Element element : values()) {
				if (element.code == code) {
					return Optional.of(element);
				}
			}
			return Optional.empty();
		}

	}

	private final TradeItems items;

	private final FaostatAreas.Factory areas;

	private final RowProblems problems = new RowProblems(MAX_PROBLEMS_KEPT);

	/** The unit each element was first given in, and on which line: a file must not mix units within an element. */
	private final Map<Element, String> units = new HashMap<>();

	private final Map<Element, Long> unitLines = new HashMap<>();

	private final Map<String, Optional<TradeItems.Item>> itemsByText = new HashMap<>();

	private TradeMatrixLayout layout;

	private long rowsRead;

	private long skippedItems;

	private long skippedNonMembers;

	TradeMatrixRows(TradeItems items, FaostatAreas.Factory areas) {
		this.items = items;
		this.areas = areas;
	}

	/** Reads the whole file; throws IllegalArgumentException when its header is not the trade matrix's. */
	void read(Reader input, Consumer<Flow> sink) throws IOException {
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(input)) {
			FaostatAreas reporters = null;
			FaostatAreas partners = null;
			for (CsvRecord record : csv) {
				if (layout == null) {
					layout = TradeMatrixLayout.of(record.getFields());
					reporters = areas.forCodes(layout.reporterCodes());
					partners = areas.forCodes(layout.partnerCodes());
					continue;
				}
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				read(record, reporters, partners, sink);
			}
		}
		if (layout == null) {
			throw new IllegalArgumentException("the file is empty");
		}
	}

	private void read(CsvRecord record, FaostatAreas reporters, FaostatAreas partners,
			Consumer<Flow> sink) {
		long line = record.getStartingLineNumber();
		rowsRead++;
		try {
			Optional<TradeItems.Item> item = item(field(record, layout.item(), "Item Code"));
			if (item.isEmpty()) {
				skippedItems++;
				return;
			}
			FaostatAreas.Area reporter = area(reporters, field(record, layout.reporter(), "Reporter Country Code"),
					"Reporter Country Code");
			FaostatAreas.Area partner = area(partners, field(record, layout.partner(), "Partner Country Code"),
					"Partner Country Code");
			if (reporter.kind() == FaostatAreas.Kind.AGGREGATE || partner.kind() == FaostatAreas.Kind.AGGREGATE
					|| (reporter.kind() != FaostatAreas.Kind.MEMBER && partner.kind() != FaostatAreas.Kind.MEMBER)) {
				skippedNonMembers++;
				return;
			}
			Element element = element(field(record, layout.elementCode(), "Element Code"));
			BigDecimal factor = unitFactor(line, element, field(record, layout.unit(), "Unit"));
			String text = field(record, layout.value(), "Value").strip();
			if (text.isEmpty()) {
				return; // FAOSTAT leaves out what was not reported: nothing to store
			}
			BigDecimal value = value(text).multiply(factor);
			int year = year(field(record, layout.year(), "Year"));
			String flag = layout.flag() >= 0 ? field(record, layout.flag(), "Flag").strip() : "";
			sink.accept(new Flow(side(reporter), side(partner), item.get().code(), year, element, value, flag));
		}
		catch (RowException ex) {
			problems.add(line, ex.field, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			problems.add(line, "Reporter Country Code", ex.getMessage());
		}
	}

	private Optional<TradeItems.Item> item(String raw) {
		return itemsByText.computeIfAbsent(raw, text -> {
			String code = text.strip().replace("'", "");
			if (layout.cpcItems()) {
				return items.byCpc(code);
			}
			if (!code.matches("\\d{1,6}")) {
				throw new RowException("Item Code", "'" + RowProblems.abbreviate(text) + "' is not an FAO item code");
			}
			return items.byFaoCode(Integer.parseInt(code));
		});
	}

	private static FaostatAreas.Area area(FaostatAreas areas, String raw, String field) {
		try {
			return areas.resolve(raw);
		}
		catch (IllegalArgumentException ex) {
			throw new RowException(field, ex.getMessage());
		}
	}

	private static String side(FaostatAreas.Area area) {
		return area.kind() == FaostatAreas.Kind.MEMBER ? area.iso3() : REST_OF_WORLD;
	}

	/** The element; a row of another element is a problem, since the trade matrix has only these four. */
	private Element element(String raw) {
		String code = raw.strip();
		Optional<Element> element = code.matches("\\d{1,6}") ? Element.of(Integer.parseInt(code)) : Optional.empty();
		if (element.isEmpty()) {
			throw new RowException("Element Code", "'" + RowProblems.abbreviate(raw)
					+ "' is not one of the trade matrix's elements (5610 Import Quantity, 5910 Export Quantity, "
					+ "5622 Import Value, 5922 Export Value)");
		}
		return element.get();
	}

	/** What a value in this unit is multiplied by to be in tonnes (quantities) or thousand US dollars (values). */
	private BigDecimal unitFactor(long line, Element element, String raw) {
		String unit = raw.strip().toLowerCase(Locale.ROOT);
		BigDecimal factor = element.quantity ? switch (unit) {
			case "t", "tonnes", "tonne" -> BigDecimal.ONE;
			case "1000 t", "1000 tonnes" -> BigDecimal.valueOf(1000);
			default -> null;
		} : switch (unit) {
			case "1000 us$", "1000 usd" -> BigDecimal.ONE;
			case "us$", "usd" -> new BigDecimal("0.001");
			default -> null;
		};
		if (factor == null) {
			throw new RowException("Unit", "'" + RowProblems.abbreviate(raw) + "' is not a unit of "
					+ (element.quantity ? "quantity (t, tonnes, 1000 t)" : "value (1000 US$, US$)"));
		}
		String first = units.putIfAbsent(element, unit);
		if (first == null) {
			unitLines.put(element, line);
		}
		else if (!first.equals(unit)) {
			throw new RowException("Unit", "'" + raw.strip() + "' where line " + unitLines.get(element)
					+ " gave this element in '" + first + "': a file gives each element in one unit");
		}
		return factor;
	}

	private static BigDecimal value(String text) {
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new RowException("Value", "'" + RowProblems.abbreviate(text) + "' is not a number");
		}
		if (value.signum() < 0) {
			throw new RowException("Value", text + " is negative: a traded quantity or value cannot be");
		}
		if (value.compareTo(MAX_VALUE) > 0) {
			throw new RowException("Value", "'" + RowProblems.abbreviate(text) + "' is beyond any traded quantity");
		}
		return value;
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

	TradeMatrixLayout layout() {
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

	long skippedItems() {
		return skippedItems;
	}

	long skippedNonMembers() {
		return skippedNonMembers;
	}

	private static final class RowException extends RuntimeException {

		final String field;

		RowException(String field, String reason) {
			super(reason, null, false, false);
			this.field = field;
		}

	}

}
