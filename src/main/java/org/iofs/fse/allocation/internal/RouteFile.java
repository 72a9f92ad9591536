package org.iofs.fse.allocation.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.imports.RowProblem;

/**
 * Reads and checks a route file ({@link RouteImport#COLUMNS}): the routes it holds and the problems of its rows, by
 * line and column. Nothing here touches the database, so that every row is checked before anything is saved.
 */
final class RouteFile {

	record Read(List<TransportNetwork.RouteInput> routes, List<RowProblem> problems) {
	}

	// The table keeps capacities as numeric(14,3).
	static final BigDecimal MAX_CAPACITY = new BigDecimal("99999999999.999");

	private RouteFile() {
	}

	static Read read(Reader reader, Predicate<String> hubExists, Predicate<String> pointExists) throws IOException {
		List<TransportNetwork.RouteInput> routes = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			for (NamedCsvRecord row : csv) {
				if (routes.isEmpty() && problems.isEmpty() && !row.getHeader().containsAll(RouteImport.COLUMNS)) {
					problems.add(new RowProblem(1, "header", "must name the columns " + String.join(",", RouteImport.COLUMNS)));
					break;
				}
				long line = row.getStartingLineNumber();
				if (row.getFieldCount() < row.getHeader().size()) {
					problems.add(new RowProblem(line, "row", "has " + row.getFieldCount() + " fields where the header names "
							+ row.getHeader().size()));
					continue;
				}
				try {
					TransportNetwork.RouteInput route = TransportNetwork.checked(route(row), hubExists, pointExists);
					String key = route.originHub() + ">" + route.toHub() + ">" + route.toPoint() + ">" + route.mode();
					if (!keys.add(key)) {
						throw new InvalidInputException("mode", "the same route (origin, destination, mode) is already on an earlier line");
					}
					routes.add(route);
				}
				catch (InvalidInputException ex) {
					problems.add(new RowProblem(line, column(ex.field()), ex.getMessage()));
				}
			}
		}
		catch (CsvParseException ex) {
			return unreadable(ex);
		}
		return new Read(routes, problems);
	}

	static Read unreadable(Exception ex) {
		return new Read(List.of(), List.of(new RowProblem(0, "file", "not a readable CSV file (" + ex.getMessage() + ")")));
	}

	private static TransportNetwork.RouteInput route(NamedCsvRecord row) {
		String open = row.getField("open").strip();
		if (!open.isEmpty() && !List.of("true", "false").contains(open.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("open", "must be true, false or empty");
		}
		BigDecimal capacity = decimal(row, "capacity_tonnes", "capacityTonnes");
		if (capacity != null && capacity.compareTo(MAX_CAPACITY) > 0) {
			throw new InvalidInputException("capacityTonnes", "must be at most " + MAX_CAPACITY.toPlainString() + " tonnes");
		}
		return new TransportNetwork.RouteInput(row.getField("origin_hub"), row.getField("to_hub"),
				row.getField("to_point"), row.getField("mode"), decimal(row, "cost_per_tonne", "costPerTonne"),
				integer(row, "transit_days", "transitDays"), capacity, open.isEmpty() ? null : Boolean.parseBoolean(open));
	}

	private static BigDecimal decimal(NamedCsvRecord row, String column, String field) {
		String text = row.getField(column).strip();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "'" + text + "' is not a number");
		}
	}

	private static Integer integer(NamedCsvRecord row, String column, String field) {
		String text = row.getField(column).strip();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "'" + text + "' is not a whole number of days");
		}
	}

	/** The file's column for a field of the route. */
	private static String column(String field) {
		return switch (field) {
			case "originHub" -> "origin_hub";
			case "toHub" -> "to_hub";
			case "toPoint" -> "to_point";
			case "costPerTonne" -> "cost_per_tonne";
			case "transitDays" -> "transit_days";
			case "capacityTonnes" -> "capacity_tonnes";
			default -> field;
		};
	}

}
