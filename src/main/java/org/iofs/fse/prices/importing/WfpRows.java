package org.iofs.fse.prices.importing;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.iofs.fse.prices.internal.PriceUnit;
import org.iofs.fse.shared.imports.ReadAhead;
import org.iofs.fse.shared.imports.RowProblem;
import org.iofs.fse.shared.imports.RowProblems;

/**
 * Reads a WFP food prices file row by row, checks each row and hands the good ones on. The HXL hashtag row, when
 * there is one, is skipped. Implausible dates (before 1990 or after the current month) and prices that are not
 * positive are reported by line and skipped whatever the policy; other unreadable rows are row problems, for the
 * policy to decide. Dates re-saved by a spreadsheet ("1/15/2002") mean the file as a whole cannot be trusted: it
 * is refused.
 */
final class WfpRows {

	static final BigDecimal MAX_PRICE = new BigDecimal("99999999999999.9999");

	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private static final int MAX_PROBLEMS_KEPT = 200;

	private static final Pattern SPREADSHEET_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{2,4}");

	private static final int MAX_UNITS_CACHED = 10_000;

	private final java.util.Map<String, PriceUnit> units = new java.util.HashMap<>();

	private static final Set<String> PRICE_FLAGS = Set.of("actual", "aggregate", "actual,aggregate");

	private final Set<String> members;

	private final String fileCountry;

	private final YearMonth latest;

	private WfpLayout layout;

	private long rowsRead;

	private long nonMembers;

	private final RowProblems problems = new RowProblems(MAX_PROBLEMS_KEPT);

	private final RowProblems implausible = new RowProblems(MAX_PROBLEMS_KEPT);

	/**
	 * @param members the ISO3 codes of the member states
	 * @param fileCountry the country of a per-country file (from its name or the uploader), or null for a global one
	 * @param latest the latest plausible month (the current one)
	 */
	private final Coordinate latitude = new Coordinate("latitude", 90);

	private final Coordinate longitude = new Coordinate("longitude", 180);

	WfpRows(Set<String> members, String fileCountry, YearMonth latest) {
		this.members = members;
		this.fileCountry = fileCountry;
		this.latest = latest;
	}

	void read(Reader input, Consumer<PriceRow> sink) throws IOException {
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
			.ofCsvRecord(input); ReadAhead<CsvRecord> records = new ReadAhead<>(csv.iterator(), "wfp-csv-reader")) {
			while (records.hasNext()) {
				CsvRecord record = records.next();
				if (layout == null) {
					layout = WfpLayout.of(record.getFields());
					if (layout.country() < 0 && fileCountry == null) {
						throw new IllegalArgumentException("the file has no countryiso3 column and its country is "
								+ "not known: name it wfp_food_prices_<iso3>.csv or give the country");
					}
					continue;
				}
				if (record.getField(0).startsWith("#") || (record.getFieldCount() == 1 && record.getField(0).isBlank())) {
					continue;
				}
				read(record, sink);
			}
		}
		if (layout == null) {
			throw new IllegalArgumentException("the file is empty");
		}
	}

	private void read(CsvRecord record, Consumer<PriceRow> sink) {
		long line = record.getStartingLineNumber();
		rowsRead++;
		try {
			String iso3 = layout.country() >= 0 ? field(record, layout.country(), "countryiso3").toUpperCase(Locale.ROOT)
					: fileCountry;
			if (!members.contains(iso3)) {
				nonMembers++;
				return;
			}
			String dateText = field(record, layout.date(), "date");
			if (!isIsoDate(dateText) && SPREADSHEET_DATE.matcher(dateText).matches()) {
				throw new IllegalArgumentException("line " + line + ": the date '" + dateText
						+ "' is not ISO (YYYY-MM-DD); the file seems to have been re-saved by a spreadsheet");
			}
			LocalDate date = date(dateText);
			if (date.isBefore(EARLIEST) || YearMonth.from(date).isAfter(latest)) {
				implausible.add(line, "date", "the date " + date + " is implausible (before 1990 or in the future)");
				return;
			}
			BigDecimal price = number(field(record, layout.price(), "price"), "price");
			if (price == null) {
				throw new RowException("price", "is empty");
			}
			if (price.signum() <= 0) {
				implausible.add(line, "price", "the price " + price.toPlainString() + " is not positive");
				return;
			}
			String flag = field(record, layout.priceFlag(), "priceflag").replace(" ", "").toLowerCase(Locale.ROOT);
			if (!PRICE_FLAGS.contains(flag)) {
				throw new RowException("priceflag", "'" + RowProblems.abbreviate(flag) + "' is not actual, aggregate or both");
			}
			String market = name(required(record, layout.market(), "market"));
			String commodity = name(required(record, layout.commodity(), "commodity"));
			String unit = required(record, layout.unit(), "unit");
			String priceType = required(record, layout.priceType(), "pricetype");
			String currency = required(record, layout.currency(), "currency").toUpperCase(Locale.ROOT);
			if (!isCurrencyCode(currency)) {
				throw new RowException("currency", "'" + RowProblems.abbreviate(currency) + "' is not an ISO 4217 code");
			}
			if (priceType.length() > 50) {
				throw new RowException("pricetype", "is longer than 50 characters");
			}
			if (unit.strip().length() > 50) {
				throw new RowException("unit", "is longer than 50 characters");
			}
			BigDecimal usdPrice = number(optional(record, layout.usdPrice()), "usdprice");
			if (usdPrice != null && usdPrice.signum() < 0) {
				throw new RowException("usdprice", "the price in US dollars " + usdPrice.toPlainString() + " is negative");
			}
			sink.accept(new PriceRow(line, iso3, name(optional(record, layout.admin1())),
					name(optional(record, layout.admin2())),
					market, integer(optional(record, layout.marketId()), "market_id"),
					latitude.read(optional(record, layout.latitude())),
					longitude.read(optional(record, layout.longitude())),
					optional(record, layout.category()), commodity,
					integer(optional(record, layout.commodityId()), "commodity_id"), unit(unit), flag,
					priceType, currency, YearMonth.from(date), price, usdPrice));
		}
		catch (RowException ex) {
			problems.add(line, ex.field, ex.getMessage());
		}
	}

	private static LocalDate date(String text) {
		// The common case, parsed by hand: DateTimeFormatter took a good part of a large file's reading time.
		if (isIsoDate(text)) {
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()) {
				return LocalDate.of(year, month, day);
			}
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RowException("date", "'" + RowProblems.abbreviate(text) + "' is not a date (YYYY-MM-DD)");
		}
	}

	/** Whether the text has the shape of an ISO date (the common case, checked without a regular expression). */
	private static boolean isIsoDate(String text) {
		return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
	}

	/** The number written by the digits from {@code from} to {@code to}, or -1 when one is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isCurrencyCode(String text) {
		return text.length() == 3 && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z'
				&& text.charAt(1) >= 'A' && text.charAt(1) <= 'Z' && text.charAt(2) >= 'A' && text.charAt(2) <= 'Z';
	}

	/** A file names a handful of units: each is parsed once (a bounded cache, against a file of made-up ones). */
	private PriceUnit unit(String text) {
		PriceUnit unit = units.get(text);
		if (unit == null) {
			unit = PriceUnit.parse(text);
			if (units.size() < MAX_UNITS_CACHED) {
				units.put(text, unit);
			}
		}
		return unit;
	}

	private static BigDecimal number(String text, String field) {
		if (text.isEmpty()) {
			return null;
		}
		BigDecimal number = plainDecimal(text);
		if (number == null) {
			try {
				number = new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				throw new RowException(field, "'" + RowProblems.abbreviate(text) + "' is not a number");
			}
		}
		// Prices are kept as numeric(18,4): beyond that a value is a mistake, refused by line here.
		if (number.precision() - number.scale() >= 14 && number.abs().compareTo(MAX_PRICE) > 0) {
			throw new RowException(field, "'" + RowProblems.abbreviate(text) + "' is beyond any price");
		}
		return number;
	}

	/**
	 * The common case of a number, read by hand: an optional minus and at most 18 digits with an optional point
	 * (the BigDecimal constructor took a fifth of a large file's checking). Null for anything else.
	 */
	static BigDecimal plainDecimal(String text) {
		int length = text.length();
		int i = text.charAt(0) == '-' ? 1 : 0;
		long unscaled = 0;
		int digits = 0;
		int scale = -1;
		for (; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits > 18) {
					return null;
				}
				unscaled = unscaled * 10 + (c - '0');
				if (scale >= 0) {
					scale++;
				}
			}
			else if (c == '.' && scale < 0) {
				scale = 0;
			}
			else {
				return null;
			}
		}
		if (digits == 0) {
			return null;
		}
		return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
	}

	private static Integer integer(String text, String field) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			throw new RowException(field, "'" + RowProblems.abbreviate(text) + "' is not a whole number");
		}
	}

	/** A latitude or longitude; a market's rows repeat its coordinates, so the last one read is kept. */
	private final class Coordinate {

		private final String field;

		private final BigDecimal limit;

		private String lastText;

		private BigDecimal lastValue;

		Coordinate(String field, int limit) {
			this.field = field;
			this.limit = BigDecimal.valueOf(limit);
		}

		BigDecimal read(String text) {
			if (text.equals(lastText)) {
				return lastValue;
			}
			BigDecimal value = number(text, field);
			if (value != null && value.abs().compareTo(limit) > 0) {
				throw new RowException(field, value.toPlainString() + " is outside -" + limit + ".." + limit);
			}
			lastText = text;
			lastValue = value;
			return value;
		}

	}

	private static String field(CsvRecord record, int index, String name) {
		if (index >= record.getFieldCount()) {
			throw new RowException(name, "the row has only " + record.getFieldCount() + " fields");
		}
		return record.getField(index).strip();
	}

	private static String required(CsvRecord record, int index, String name) {
		String value = field(record, index, name);
		if (value.isEmpty()) {
			throw new RowException(name, "is empty");
		}
		if (value.length() > 200) {
			throw new RowException(name, "is longer than 200 characters");
		}
		return value;
	}

	/**
	 * A name as one spelling: Unicode's composed form (an "é" typed as e and an accent is the same market as one typed
	 * as é) with runs of spaces as one, so that the same market is never two because of its name's bytes.
	 */
	static String name(String text) {
		boolean ascii = true;
		for (int i = 0; i < text.length() && ascii; i++) {
			ascii = text.charAt(i) < 0x80;
		}
		String composed = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
		return composed.indexOf("  ") < 0 && composed.indexOf('\t') < 0 ? composed : composed.replaceAll("\\s+", " ");
	}

	private static String optional(CsvRecord record, int index) {
		return index < 0 || index >= record.getFieldCount() ? "" : record.getField(index).strip();
	}

	WfpLayout layout() {
		return layout;
	}

	long rowsRead() {
		return rowsRead;
	}

	long nonMembers() {
		return nonMembers;
	}

	long implausible() {
		return implausible.count();
	}

	long problemCount() {
		return problems.count();
	}

	/** The row problems, the first 200. */
	List<RowProblem> problems() {
		return problems.first();
	}

	/** The implausible rows skipped, the first 200. */
	List<RowProblem> skippedRows() {
		return implausible.first();
	}

	private static final class RowException extends RuntimeException {

		private final String field;

		RowException(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

	}

}
