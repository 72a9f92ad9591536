package org.iofs.fse.shared.web;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * What the database refused, told apart from what went wrong with it. A unique key reached by a race (two dispatches
 * of one release, two reversals of one entry) is a conflict; a reference to a row that is gone is a conflict; a value
 * the column cannot hold (a number beyond its range, a null byte in a text, an impossible date) is bad input. Anything
 * else (the database unreachable, a bug in a statement) stays a server error.
 */
final class DatabaseRefusals {

	/** How to answer a refusal: the status, a machine-readable reason, and words for the client. */
	record Refusal(HttpStatus status, String reason, String detail) {
	}

	private DatabaseRefusals() {
	}

	static Optional<Refusal> of(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return of(sql.getSQLState());
			}
		}
		return Optional.empty();
	}

	static Optional<Refusal> of(String sqlState) {
		return switch (sqlState) {
			case "23505" -> Optional.of(new Refusal(HttpStatus.CONFLICT, "ALREADY_EXISTS",
					"This was done already, perhaps by another request at the same moment; reload and check"));
			case "23503" -> Optional.of(new Refusal(HttpStatus.CONFLICT, "REFERENCE",
					"This refers to something that does not exist, or is still referred to"));
			case "23502", "23514" -> Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
					"A value is missing or outside what is allowed"));
			case "40001", "40P01" -> Optional.of(new Refusal(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
					"Another request changed the same data at the same moment; try again"));
			default -> sqlState.startsWith("22") ? Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
					"A value cannot be stored: a number beyond its range, a date out of bounds, or a text with a null "
							+ "byte")) : Optional.empty();
		};
	}

}
