package org.iofs.fse.foodbalance.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.iofs.fse.foodbalance.internal.BalanceLines;
import org.iofs.fse.shared.imports.CopyWriter;

/**
 * Turns values into balance lines (member state, item, year, its elements side by side) and streams them into
 * {@value BalanceLines#INCOMING} with PostgreSQL {@code COPY}, on the transaction's own connection. FAOSTAT files keep a member's item together (normalized and wide layouts both), so
 * a line is complete when it is written; a buffer of a few thousand values is all that is held. When a file does
 * repeat a line further on (the web export orders by element first), {@link #repeatedLines()} says so and the
 * merge collapses the repeats, the later values winning.
 */
final class StagingCopy implements Consumer<FbsRow>, AutoCloseable {

	/** Values held before the buffer is written out at the next change of member or item. */
	static final int FLUSH_AT = 20_000;

	private final CopyWriter copy;

	private final int flushAt;

	/** The field being written (an array literal). */
	private StringBuilder block;

	private final Map<Long, TreeMap<Integer, FbsRow>> lines = new LinkedHashMap<>();

	private final Map<String, Integer> countryIndex = new HashMap<>();

	/** The lines written so far: per member and year, a bit per item code. Bounded by members × years × items. */
	private final Map<Long, BitSet> written = new HashMap<>();

	private int held;

	private long previousGroup = -1;

	private int seq;

	private boolean repeatedLines;

	StagingCopy(Connection connection) throws SQLException {
		this(connection, FLUSH_AT);
	}

	/** @param flushAt values held before the buffer is written out at the next change of member or item */
	StagingCopy(Connection connection, int flushAt) throws SQLException {
		this.flushAt = flushAt;
		this.copy = new CopyWriter(connection, "COPY " + BalanceLines.INCOMING
				+ " (seq, iso3, item_code, year, element_codes, vals, units, flags) FROM STDIN (FORMAT csv)");
	}

	@Override
	public void accept(FbsRow row) {
		long country = countryIndex.computeIfAbsent(row.iso3(), k -> countryIndex.size());
		long group = country << 32 | row.itemCode() & 0xffffffffL;
		// Ten times the usual size, whatever comes next: a file that never changes item cannot fill the memory.
		if ((group != previousGroup && held >= flushAt) || held >= 10 * flushAt) {
			writeLines();
		}
		previousGroup = group;
		long line = (country << 48) | ((long) row.year() << 32) | (row.itemCode() & 0xffffffffL);
		// A later value for the same element replaces the earlier one: the file's last line wins.
		if (lines.computeIfAbsent(line, k -> new TreeMap<>()).put(row.elementCode(), row) == null) {
			held++;
		}
	}

	/** Writes what is held and ends the COPY. */
	void finish() throws SQLException {
		writeLines();
		copy.finish();
	}

	/** Whether some line was written twice (its values split in the file), so that the merge must collapse it. */
	boolean repeatedLines() {
		return repeatedLines;
	}

	@Override
	public void close() throws SQLException {
		copy.close();
	}

	private void writeLines() {
		seq++;
		for (TreeMap<Integer, FbsRow> line : lines.values()) {
			FbsRow first = line.firstEntry().getValue();
			noteWritten(first);
			copy.raw(seq).raw(first.iso3()).raw(first.itemCode()).raw(first.year());
			block = copy.field().append("\"{");
			joined(line, row -> block.append(row.elementCode()));
			block.append("}\"");
			block = copy.field().append("\"{");
			joined(line, row -> block.append(row.value().toPlainString()));
			block.append("}\"");
			block = copy.field().append("\"{");
			joined(line, row -> arrayText(row.unit()));
			block.append("}\"");
			block = copy.field().append("\"{");
			joined(line, row -> arrayText(row.flag()));
			block.append("}\"");
			copy.endRow();
		}
		lines.clear();
		held = 0;
	}

	private void noteWritten(FbsRow row) {
		if (row.itemCode() < 0) {
			repeatedLines = true; // cannot be tracked; the merge collapses to be safe (and the catalogue refuses it)
			return;
		}
		long memberYear = (long) countryIndex.get(row.iso3()) << 16 | row.year();
		BitSet items = written.computeIfAbsent(memberYear, k -> new BitSet());
		if (items.get(row.itemCode())) {
			repeatedLines = true;
		}
		items.set(row.itemCode());
	}

	private void joined(TreeMap<Integer, FbsRow> line, Consumer<FbsRow> element) {
		boolean first = true;
		for (FbsRow row : line.values()) {
			if (!first) {
				block.append(',');
			}
			element.accept(row);
			first = false;
		}
	}

	/** A text element of an array literal, inside a CSV field: quoted for the array, quotes doubled for CSV. */
	private void arrayText(String text) {
		block.append("\"\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				block.append("\\\"\"");
			}
			else if (c == '\\') {
				block.append("\\\\");
			}
			else {
				block.append(c);
			}
		}
		block.append("\"\"");
	}

}
