package org.iofs.fse.prices.importing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.iofs.fse.shared.imports.BinaryRows;

/**
 * Writes the rows of a file's series as stored: one row per series, year and flag, its twelve months' prices and
 * dollar prices side by side (in ten-thousandths), and the import that wrote them ({@code prices.observation_year}). Where a month and flag came
 * twice, the file's last line wins.
 */
final class YearRows {

	static final String COLUMNS = "series_id, year_start, price_flag, price, usd_price, source_import";

	private final BinaryRows out;

	private final long importId;

	private long cells;

	private final long[][] price = new long[4][12];

	private final long[][] usdPrice = new long[4][12];

	private final boolean[][] present = new boolean[4][12];

	private final boolean[] flagUsed = new boolean[4];

	YearRows(BinaryRows out, long importId) {
		this.out = out;
		this.importId = importId;
	}

	/** Writes the year rows of a series from what the file held of it (more than one part when keys merged). */
	void write(long seriesId, List<FileSeries> parts) {
		FileSeries series = parts.size() == 1 ? parts.get(0) : concatenated(parts);
		int n = series.rows;
		long[] order = new long[n];
		for (int i = 0; i < n; i++) {
			// month, flag, then the line, latest first
			order[i] = ((long) series.months[i] << 34) | ((long) series.flags[i] << 32) | (n - 1 - i);
		}
		Arrays.sort(order);
		int year = Integer.MIN_VALUE;
		long previous = -1;
		for (long entry : order) {
			long monthAndFlag = entry >>> 32;
			if (monthAndFlag == previous) {
				continue;
			}
			previous = monthAndFlag;
			int month = (int) (entry >>> 34);
			int flag = (int) (monthAndFlag & 3);
			int i = n - 1 - (int) (entry & 0xFFFF_FFFFL);
			if (month / 12 != year) {
				flush(seriesId, year);
				year = month / 12;
			}
			price[flag][month % 12] = series.prices[i];
			usdPrice[flag][month % 12] = series.usdPrices[i];
			present[flag][month % 12] = true;
			flagUsed[flag] = true;
			cells++;
		}
		flush(seriesId, year);
	}

	private void flush(long seriesId, int year) {
		for (int flag = 1; flag < 4; flag++) {
			if (!flagUsed[flag]) {
				continue;
			}
			out.row(6).int8(seriesId).date(LocalDate.of(year, 1, 1)).text(PriceStaging.FLAGS.get(flag - 1));
			out.beginArray(BinaryRows.INT8, 12);
			for (int m = 0; m < 12; m++) {
				if (present[flag][m]) {
					out.int8(price[flag][m]);
				}
				else {
					out.nul();
				}
			}
			out.endArray().beginArray(BinaryRows.INT8, 12);
			for (int m = 0; m < 12; m++) {
				if (present[flag][m] && usdPrice[flag][m] != FileSeries.NO_PRICE) {
					out.int8(usdPrice[flag][m]);
				}
				else {
					out.nul();
				}
			}
			out.endArray().int8(importId);
			Arrays.fill(present[flag], false);
			flagUsed[flag] = false;
		}
	}

	/** The parts' rows in the order of the file, as one. */
	private static FileSeries concatenated(List<FileSeries> parts) {
		int[] offsets = new int[parts.size() + 1];
		for (int p = 0; p < parts.size(); p++) {
			offsets[p + 1] = offsets[p] + parts.get(p).rows;
		}
		long[] byOrdinal = new long[offsets[parts.size()]];
		for (int p = 0; p < parts.size(); p++) {
			for (int i = 0; i < parts.get(p).rows; i++) {
				byOrdinal[offsets[p] + i] = ((long) parts.get(p).ordinals[i] << 32) | (offsets[p] + i);
			}
		}
		Arrays.sort(byOrdinal);
		FileSeries all = new FileSeries(-1);
		for (long entry : byOrdinal) {
			int global = (int) entry;
			int p = Arrays.binarySearch(offsets, global);
			p = p >= 0 ? p : -p - 2;
			while (offsets[p + 1] == global) {
				p++; // an empty part ends where the next begins
			}
			FileSeries part = parts.get(p);
			int i = global - offsets[p];
			all.hold(part.months[i], part.flags[i], part.prices[i], part.usdPrices[i], part.ordinals[i]);
		}
		return all;
	}

	/** Month prices written (one per series, month and flag). */
	long cells() {
		return cells;
	}

	BinaryRows out() {
		return out;
	}

}
