package org.iofs.fse.prices.internal;

import java.util.Arrays;

/**
 * The prices of a chunk of series as read, one per series and month (the preferred flag's), in primitive
 * arrays: a chunk holds some hundred thousand of them.
 */
final class ChunkPrices {

	private long[] seriesIds = new long[64];

	private int[] starts = new int[65];

	private int seriesCount;

	int[] month = new int[4096];

	double[] price = new double[4096];

	private int[] preference = new int[4096];

	private int size;

	void add(long series, int monthIndex, int flagPreference, double value) {
		if (seriesCount == 0 || seriesIds[seriesCount - 1] != series) {
			if (seriesCount == seriesIds.length) {
				seriesIds = Arrays.copyOf(seriesIds, seriesCount * 2);
				starts = Arrays.copyOf(starts, seriesCount * 2 + 1);
			}
			seriesIds[seriesCount] = series;
			starts[seriesCount] = size;
			seriesCount++;
		}
		else if (month[size - 1] == monthIndex) {
			// A second price for the month: the preferred flag's stays.
			if (flagPreference < preference[size - 1]) {
				price[size - 1] = value;
				preference[size - 1] = flagPreference;
			}
			return;
		}
		growIfFull();
		month[size] = monthIndex;
		price[size] = value;
		preference[size] = flagPreference;
		size++;
		starts[seriesCount] = size;
	}

	private void growIfFull() {
		if (size == month.length) {
			month = Arrays.copyOf(month, size * 2);
			price = Arrays.copyOf(price, size * 2);
			preference = Arrays.copyOf(preference, size * 2);
		}
	}

	/** A series' prices from its caller, in any month order: sorted here, one per month. */
	void addHeld(long series, PricesAtHand atHand) {
		int from = size;
		atHand.pricesOf(series, (monthIndex, value) -> {
			growIfFull();
			month[size] = monthIndex;
			price[size] = value;
			size++;
		});
		if (size == from) {
			return;
		}
		long[] sorted = new long[size - from];
		for (int i = from; i < size; i++) {
			sorted[i - from] = ((long) month[i] << 32) | (i - from);
		}
		Arrays.sort(sorted);
		int[] months = Arrays.copyOfRange(month, from, size);
		double[] prices = Arrays.copyOfRange(price, from, size);
		size = from;
		for (long entry : sorted) {
			int i = (int) entry;
			add(series, months[i], 0, prices[i]);
		}
	}

	/** Prices held, one per series and month. */
	int size() {
		return size;
	}

	int seriesCount() {
		return seriesCount;
	}

	long series(int s) {
		return seriesIds[s];
	}

	int start(int s) {
		return starts[s];
	}

}
