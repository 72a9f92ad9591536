package org.iofs.fse.allocation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.reserves.Hubs;
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
		RouteFile.Read file;
		try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
			file = RouteFile.read(reader, hubCodes::contains, pointCodes::contains);
		}
		catch (IOException ex) {
			file = RouteFile.unreadable(ex);
		}
		List<TransportNetwork.RouteInput> routes = file.routes();
		List<RowProblem> problems = file.problems();
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

}
