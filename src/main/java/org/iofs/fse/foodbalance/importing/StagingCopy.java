package org.iofs.fse.foodbalance.importing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into the staging table with PostgreSQL {@code COPY ... FROM STDIN}, in blocks of about 1 MB, on
 * the transaction's own connection (so the staging table and the merge see the same rows).
 */
final class StagingCopy implements Consumer<FbsRow>, AutoCloseable {

	static final String TABLE = """
			CREATE TEMPORARY TABLE fbs_staging (
			    line bigint, iso3 char(3), item_code integer, item_name text, element_code integer, year smallint,
			    value numeric, unit text, flag text) ON COMMIT DROP
			""";

	private static final int BLOCK = 1 << 20;

	private final CopyIn copy;

	private final StringBuilder block = new StringBuilder(BLOCK + 1024);

	private long rows;

	StagingCopy(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY fbs_staging (line, iso3, item_code, item_name, element_code, year, value, unit, flag) "
					+ "FROM STDIN (FORMAT csv)");
	}

	@Override
	public void accept(FbsRow row) {
		block.append(row.line()).append(',').append(row.iso3()).append(',').append(row.itemCode()).append(',');
		quoted(row.itemName());
		block.append(',').append(row.elementCode()).append(',').append(row.year()).append(',');
		block.append(row.value().toPlainString()).append(',');
		quoted(row.unit());
		block.append(',');
		quoted(row.flag());
		block.append('\n');
		rows++;
		if (block.length() >= BLOCK) {
			flush();
		}
	}

	long finish() throws SQLException {
		flush();
		copy.endCopy();
		return rows;
	}

	@Override
	public void close() throws SQLException {
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void quoted(String text) {
		block.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

	private void flush() {
		if (block.isEmpty()) {
			return;
		}
		byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into staging failed", ex);
		}
		block.setLength(0);
	}

}
