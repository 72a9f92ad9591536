package org.iofs.fse.prices.importing;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.iofs.fse.shared.imports.RowProblems;

/**
 * Reads a consumer price index file ({@code country,month,value[,source]}) row by row, checks each row against what
 * the index table holds (a member, a month from 1990 to the current one, a positive value of at most ten digits and
 * four decimals) and hands the good ones on; the others are row problems by line. A file without the three columns
 * is refused.
 */
final class CpiRows {

	record CpiRow(long line, String iso3, YearMonth month, BigDecimal value, String source) {
	}

	static final BigDecimal MAX_VALUE = new BigDecimal("9999999999.9999");

	private final Set<String> members;

	private final YearMonth latest;

	private final String fileName;

	private final RowProblems problems = new RowProblems(200);

	private long rowsRead;

	CpiRows(Set<String> members, YearMonth latest, String fileName) {
		this.members = members;
		this.latest = latest;
		this.fileName = fileName;
	}

	void read(Reader reader, Consumer<CpiRow> sink) throws IOException {
		try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).ofCsvRecord(reader)) {
			Map<String, Integer> columns = null;
			for (CsvRecord record : csv) {
				if (columns == null) {
					columns = header(record.getFields());
					continue;
				}
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				rowsRead++;
				read(record, columns, sink);
			}
			if (columns == null) {
				throw new IllegalArgumentException("the file is empty");
			}
		}
	}

	private void read(CsvRecord record, Map<String, Integer> columns, Consumer<CpiRow> sink) {
		long line = record.getStartingLineNumber();
		String iso3 = field(record, columns.get("country")).toUpperCase(Locale.ROOT);
		if (!members.contains(iso3)) {
			problems.add(line, "country", "'" + RowProblems.abbreviate(iso3) + "' is not an OIC member's ISO3 code");
			return;
		}
		String monthText = field(record, columns.get("month"));
		YearMonth month;
		try {
			month = YearMonth.parse(monthText);
		}
		catch (DateTimeParseException ex) {
			problems.add(line, "month", "'" + RowProblems.abbreviate(monthText) + "' is not a month (YYYY-MM)");
			return;
		}
		if (month.isBefore(YearMonth.of(1990, 1)) || month.isAfter(latest)) {
			problems.add(line, "month", month + " is implausible (before 1990 or in the future)");
			return;
		}
		String valueText = field(record, columns.get("value"));
		BigDecimal value;
		try {
			value = new BigDecimal(valueText);
		}
		catch (NumberFormatException ex) {
			problems.add(line, "value", "'" + RowProblems.abbreviate(valueText) + "' is not a number");
			return;
		}
		// Stored with four decimals: a value that rounds to zero there is no index either.
		if (value.setScale(4, RoundingMode.HALF_UP).signum() <= 0) {
			problems.add(line, "value", "an index must be positive");
			return;
		}
		if (value.compareTo(MAX_VALUE) > 0) {
			problems.add(line, "value", "'" + RowProblems.abbreviate(valueText) + "' is beyond any index");
			return;
		}
		String source = columns.containsKey("source") ? field(record, columns.get("source")) : "";
		sink.accept(new CpiRow(line, iso3, month, value, source.isEmpty() ? fileName : RowProblems.abbreviate(source)));
	}

	private static Map<String, Integer> header(List<String> fields) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			columns.putIfAbsent(fields.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = List.of("country", "month", "value").stream().filter(c -> !columns.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("not a consumer price index file: the header lacks "
					+ String.join(", ", missing) + " (expected country,month,value[,source])");
		}
		return columns;
	}

	private static String field(CsvRecord record, int index) {
		return index < record.getFieldCount() ? record.getField(index).strip() : "";
	}

	RowProblems problems() {
		return problems;
	}

	long rowsRead() {
		return rowsRead;
	}

}
