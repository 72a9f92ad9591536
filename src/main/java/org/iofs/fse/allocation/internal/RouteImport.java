package org.iofs.fse.allocation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.imports.RowProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads routes from a CSV file with the header {@code origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,
 * capacity_tonnes,open} (to_hub or to_point, capacity and open may be empty). Every row is checked first; a file
 * with any problem is refused whole, each problem named by line and column. A good file is saved in one
 * transaction, each route added or changed by its key (origin, destination, mode); loading it again changes nothing.
 */
@Service
public class RouteImport {

	static final List<String> COLUMNS = List.of("origin_hub", "to_hub", "to_point", "mode", "cost_per_tonne",
			"transit_days", "capacity_tonnes", "open");

	/** What a route file did; kept across the redirect after the upload, so it is serializable. */
	public record Report(String file, String status, int rows, int inserted, int updated, int unchanged,
			List<RowProblem> problems) implements java.io.Serializable {

		public Report {
			problems = List.copyOf(problems);
		}

	}

	private final TransportNetwork network;

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final Hubs hubs;

	RouteImport(TransportNetwork network, AccessPolicy access, JdbcClient jdbc, Hubs hubs) {
		this.hubs = hubs;
		this.network = network;
		this.access = access;
		this.jdbc = jdbc;
	}

	@Transactional
	public Report load(String fileName, InputStream content) {
		access.require(Action.EDIT_TRANSPORT_NETWORK);
		Set<String> hubCodes = hubs.codes();
		Set<String> pointCodes = new HashSet<>(
				jdbc.sql("SELECT code FROM allocation.delivery_point").query(String.class).list());
		List<TransportNetwork.RouteInput> routes = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			for (NamedCsvRecord row : csv) {
				if (routes.isEmpty() && problems.isEmpty() && !row.getHeader().containsAll(COLUMNS)) {
					problems.add(new RowProblem(1, "header", "must name the columns " + String.join(",", COLUMNS)));
					break;
				}
				long line = row.getStartingLineNumber();
				try {
					TransportNetwork.RouteInput route = TransportNetwork.checked(read(row), hubCodes::contains,
							pointCodes::contains);
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
		catch (IOException | RuntimeException ex) {
			problems.add(new RowProblem(0, "file", "not a readable CSV file (" + ex.getMessage() + ")"));
		}
		if (routes.isEmpty() && problems.isEmpty()) {
			problems.add(new RowProblem(1, "file", "holds no route"));
		}
		if (!problems.isEmpty()) {
			return new Report(fileName, "REJECTED", routes.size() + problems.size(), 0, 0, 0,
					problems.subList(0, Math.min(problems.size(), 100)));
		}
		int inserted = 0;
		int updated = 0;
		int unchanged = 0;
		for (TransportNetwork.RouteInput route : routes) {
			switch (network.save(route).outcome()) {
				case "INSERTED" -> inserted++;
				case "UPDATED" -> updated++;
				default -> unchanged++;
			}
		}
		return new Report(fileName, "IMPORTED", routes.size(), inserted, updated, unchanged, List.of());
	}

	private static TransportNetwork.RouteInput read(NamedCsvRecord row) {
		String open = row.getField("open").strip();
		if (!open.isEmpty() && !List.of("true", "false").contains(open.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("open", "must be true, false or empty");
		}
		return new TransportNetwork.RouteInput(row.getField("origin_hub"), row.getField("to_hub"),
				row.getField("to_point"), row.getField("mode"), decimal(row, "cost_per_tonne", "costPerTonne"),
				integer(row, "transit_days", "transitDays"), decimal(row, "capacity_tonnes", "capacityTonnes"),
				open.isEmpty() ? null : Boolean.parseBoolean(open));
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
