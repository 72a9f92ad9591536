package org.iofs.fse.prices.importing;

import java.util.Arrays;

import org.iofs.fse.prices.internal.PricesAtHand;

/**
 * A series of an import's file and its rows as read, held in primitive arrays: the import writes its year rows
 * from them and computes its indicators from them, without reading them back from the database.
 */
final class FileSeries {

	/** A missing dollar price among the scaled ones. */
	static final long NO_PRICE = Long.MIN_VALUE;

	/** Flag code (1 actual, 2 aggregate, 3 both) to its rank among a month's prices, as the indicators take them. */
	private static final int[] PREFERENCE = { 9, 0, 2, 1 };

	final int number;

	PriceRow last;

	/** {@link ImportFingerprint} of the series' rows in this file; meaningless once a month repeats. */
	long fingerprint;

	boolean repeats;

	private long[] seen = new long[8];

	/** Every row's month (as year * 12 + month - 1), flag, prices times 10,000 and place in the file, in order. */
	int[] months = new int[16];

	byte[] flags = new byte[16];

	long[] prices = new long[16];

	long[] usdPrices = new long[16];

	int[] ordinals = new int[16];

	int rows;

	FileSeries(int number) {
		this.number = number;
	}

	void hold(int month, int flag, long price, long usdPrice, int ordinal) {
		if (rows == months.length) {
			int capacity = rows * 2;
			months = Arrays.copyOf(months, capacity);
			flags = Arrays.copyOf(flags, capacity);
			prices = Arrays.copyOf(prices, capacity);
			usdPrices = Arrays.copyOf(usdPrices, capacity);
			ordinals = Arrays.copyOf(ordinals, capacity);
		}
		months[rows] = month;
		flags[rows] = (byte) flag;
		prices[rows] = price;
		usdPrices[rows] = usdPrice;
		ordinals[rows] = ordinal;
		rows++;
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

	/** The comparisons are over: the bits that found repeats are no longer needed. */
	void forgetSeen() {
		seen = null;
	}

	/**
	 * One price per month, as the indicators read the stored ones: the file's last line for a month and flag, an
	 * actual price before an aggregate one.
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
				sink.add(month, prices[rows - 1 - (int) (entry & ((1L << 30) - 1))] / 10_000.0);
				previousMonth = month;
			}
		}
	}

}
