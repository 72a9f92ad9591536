package org.iofs.fse.shared.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes CSV rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)} on a given connection (the
 * transaction's own, so that what is copied and what is merged are seen alike), in blocks of about 1 MB. Fields
 * are appended one by one; {@link #endRow()} ends a row.
 */
public final class CopyWriter implements AutoCloseable {

	private static final int BLOCK = 1 << 20;

	private final CopyIn copy;

	private final StringBuilder block = new StringBuilder(BLOCK + 1024);

	private boolean rowStarted;

	/** @param copySql a {@code COPY table (columns) FROM STDIN (FORMAT csv)} statement */
	public CopyWriter(Connection connection, String copySql) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
	}

	/** A field written as is: numbers, dates, codes that hold no comma, quote or line break. */
	public CopyWriter raw(Object value) {
		separate();
		if (value != null) {
			block.append(value);
		}
		return this;
	}

	public CopyWriter number(BigDecimal value) {
		return raw(value == null ? null : value.toPlainString());
	}

	/** A text field, quoted; null is SQL NULL, the empty string stays an empty string. */
	public CopyWriter text(String text) {
		separate();
		if (text != null) {
			block.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		return this;
	}

	/** The builder to write one field's characters into directly (for array literals); call {@link #field()} first. */
	public StringBuilder field() {
		separate();
		return block;
	}

	public void endRow() {
		block.append('\n');
		rowStarted = false;
		if (block.length() >= BLOCK) {
			flush();
		}
	}

	/** Sends what is left and ends the COPY. */
	public void finish() throws SQLException {
		flush();
		copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void separate() {
		if (rowStarted) {
			block.append(',');
		}
		rowStarted = true;
	}

	private void flush() {
		if (block.isEmpty()) {
			return;
		}
		byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
		block.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

}
