package org.iofs.fse.prices.importing;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iofs.fse.prices.internal.PricesAtHand;
import org.iofs.fse.shared.imports.CopyWriter;

/**
 * Streams checked price rows into the transaction's temporary staging tables with {@code COPY}, on the
 * transaction's own connection. What names a series (member, market, commodity, price type, unit, currency) is
 * resolved here, once per series, not once per row: each row is staged narrow, as the number of its series in this
 * file, its month, flag and prices ({@code price_row}), and each series of the file once, with the attributes of its
 * last line ({@code price_key}). The merge then sorts and joins a few hundred thousand narrow rows instead of
 * millions of wide ones.
 */
final class PriceStaging implements Consumer<PriceRow>, AutoCloseable {

	static final String ROWS_TABLE = """
			CREATE TEMPORARY TABLE price_row (line bigint, key integer, month date, flag smallint,
			    price numeric(18,4), usd_price numeric(18,4)) ON COMMIT DROP
			""";

	static final String KEYS_TABLE = """
			CREATE TEMPORARY TABLE price_key (
			    key integer, line bigint, iso3 char(3), admin1 text, admin2 text, market text, market_id integer,
			    latitude numeric, longitude numeric, category text, commodity text, commodity_id integer, unit text,
			    unit_quantity numeric, base_unit text, price_type text, currency char(3), fingerprint bigint)
			    ON COMMIT DROP
			""";

	/** The staged flag codes, in the order of the merge's array ({@code flag} 1, 2, 3). */
	static final List<String> FLAGS = List.of("actual", "aggregate", "actual,aggregate");

	private static final int FIRST_YEAR = WfpRows.EARLIEST.getYear();

	/** What names a series in a file; its other attributes (coordinates, ids, category) are the last line's. */
	private record SeriesName(String iso3, String admin1, String admin2, String market, String commodity,
			String priceType, String unit, String currency) {
	}

	/** A series of the file: its number, its last row, and which (month, flag) it has had, to see repeats. */
	private static final class StagedSeries {

		final int number;

		PriceRow last;

		long[] seen = new long[8];

		/** {@link ImportFingerprint} of the series' rows in this file; meaningless once a month repeats. */
		long fingerprint;

		boolean repeats;

		/** Every row's month (as year * 12 + month - 1), flag and price as stored, in the file's order. */
		int[] months = new int[16];

		byte[] flags = new byte[16];

		double[] prices = new double[16];

		int rows;

		void hold(int month, int flag, double price) {
			if (rows == months.length) {
				months = Arrays.copyOf(months, rows * 2);
				flags = Arrays.copyOf(flags, rows * 2);
				prices = Arrays.copyOf(prices, rows * 2);
			}
			months[rows] = month;
			flags[rows] = (byte) flag;
			prices[rows] = price;
			rows++;
		}

		/**
		 * One price per month, as the indicators read the stored ones: the file's last line for a month and flag,
		 * an actual price before an aggregate one.
		 */
		void pricesTo(PricesAtHand.MonthPriceSink sink) {
			long[] order = new long[rows];
			for (int i = 0; i < rows; i++) {
				// month, then preference (actual, both, aggregate), then the line, latest first
				order[i] = ((long) months[i] << 34) | ((long) PREFERENCE[flags[i]] << 30) | (rows - 1 - i);
			}
			Arrays.sort(order);
			int previousMonth = Integer.MIN_VALUE;
			for (long entry : order) {
				int month = (int) (entry >>> 34);
				if (month != previousMonth) {
					sink.add(month, prices[rows - 1 - (int) (entry & ((1L << 30) - 1))]);
					previousMonth = month;
				}
			}
		}

		StagedSeries(int number) {
			this.number = number;
		}

		/** @return false when this month and flag came before in the file */
		boolean firstTime(int monthIndex, int flag) {
			int bit = monthIndex * 4 + flag;
			int word = bit >>> 6;
			if (word >= seen.length) {
				seen = Arrays.copyOf(seen, Math.max(word + 1, seen.length * 2));
			}
			long mask = 1L << (bit & 63);
			boolean first = (seen[word] & mask) == 0;
			seen[word] |= mask;
			return first;
		}

	}

	private final Connection connection;

	private final CopyWriter rows;

	private final Map<SeriesName, StagedSeries> series = new HashMap<>();

	private final List<StagedSeries> inOrder = new ArrayList<>();

	private boolean repeats;

	private long staged;

	PriceStaging(Connection connection) throws SQLException {
		this.connection = connection;
		this.rows = new CopyWriter(connection, "COPY price_row FROM STDIN (FORMAT csv)", true);
	}

	@Override
	public void accept(PriceRow row) {
		SeriesName name = new SeriesName(row.iso3(), row.admin1(), row.admin2(), row.market(), row.commodity(),
				row.priceType(), row.unit().text(), row.currency());
		StagedSeries staging = series.get(name);
		if (staging == null) {
			staging = new StagedSeries(inOrder.size());
			series.put(name, staging);
			inOrder.add(staging);
		}
		staging.last = row;
		int flag = FLAGS.indexOf(row.priceFlag()) + 1;
		YearMonth month = row.month();
		int absoluteMonth = month.getYear() * 12 + month.getMonthValue() - 1;
		int monthIndex = absoluteMonth - FIRST_YEAR * 12;
		if (!staging.firstTime(monthIndex, flag)) {
			repeats = true;
			staging.repeats = true;
		}
		staging.fingerprint += ImportFingerprint.of(monthIndex, flag, row.price(), row.usdPrice());
		staging.hold(absoluteMonth, flag,
				row.price().setScale(4, RoundingMode.HALF_UP).doubleValue());
		rows.raw(row.line()).raw(staging.number).raw(month.atDay(1)).raw(flag).number(row.price())
			.number(row.usdPrice());
		rows.endRow();
		staged++;
	}

	/** Ends the rows' COPY, then stages each series of the file once. */
	void finish() throws SQLException {
		rows.finish();
		try (CopyWriter keys = new CopyWriter(connection, "COPY price_key FROM STDIN (FORMAT csv)")) {
			for (StagedSeries staging : inOrder) {
				PriceRow row = staging.last;
				keys.raw(staging.number).raw(row.line()).raw(row.iso3()).text(row.admin1()).text(row.admin2())
					.text(row.market()).raw(row.marketId()).number(row.latitude()).number(row.longitude())
					.text(row.category()).text(row.commodity()).raw(row.commodityId()).text(row.unit().text())
					.number(row.unit().quantity()).text(row.unit().baseUnit()).text(row.priceType())
					.text(row.currency()).raw(staging.repeats ? null : staging.fingerprint);
				keys.endRow();
			}
			keys.finish();
		}
	}

	/** Flag code (1 actual, 2 aggregate, 3 both) to its rank among a month's prices, as the indicators take them. */
	private static final int[] PREFERENCE = { 9, 0, 2, 1 };

	/** The prices of the file's series by their number in this file, for the indicators of the series it created. */
	PricesAtHand pricesOf(Map<Long, Integer> seriesKeys) {
		return new PricesAtHand() {
			@Override
			public boolean holds(long series) {
				return seriesKeys.containsKey(series);
			}

			@Override
			public void pricesOf(long series, PricesAtHand.MonthPriceSink sink) {
				inOrder.get(seriesKeys.get(series)).pricesTo(sink);
			}
		};
	}

	/** Whether a series had the same month and flag on two lines of the file (the last one wins). */
	boolean hasRepeats() {
		return repeats;
	}

	long rowsStaged() {
		return staged;
	}

	@Override
	public void close() throws SQLException {
		rows.close();
	}

}
