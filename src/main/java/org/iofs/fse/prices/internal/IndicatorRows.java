package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;

import org.iofs.fse.shared.imports.BinaryRows;

/**
 * A chunk's indicators for a binary COPY into {@code prices.series_indicator}, one row per series: its months side
 * by side in arrays (values as double precision rounded to four decimals, bands by their position in their list),
 * then the latest month's values (numeric, and bands by name). A series' months are gathered first (they arrive month by
 * month, the row holds them array by array), then written as one row.
 */
final class IndicatorRows {

	/** Values beyond this times 10,000 do not fit a long: written as no value (no price or indicator comes near). */
	private static final double LARGEST = 9e14;

	/** About what a month takes in a row (eight values with their lengths), and a series beside its months. */
	private static final int MONTH_BYTES = 80;

	private static final int SERIES_BYTES = 256;

	private final BinaryRows out;

	private int count;

	private YearMonth[] month = new YearMonth[128];

	private double[] price = new double[128];

	private boolean[] interpolated = new boolean[128];

	private double[] ipa = new double[128];

	private Enum<?>[] ipaBand = new Enum<?>[128];

	private double[] alps = new double[128];

	private Enum<?>[] alpsBand = new Enum<?>[128];

	private double[] trend = new double[128];

	/**
	 * @param months the months the chunk's prices cover (gaps between them add a few more)
	 * @param series the chunk's series
	 */
	IndicatorRows(int months, int series) {
		// Sized at once: growing a buffer of several megabytes by doubling copied it four times per chunk.
		out = new BinaryRows(months * MONTH_BYTES + series * SERIES_BYTES);
	}

	void begin() {
		count = 0;
	}

	void add(YearMonth month, double price, boolean interpolated, double ipa, Enum<?> ipaBand, double alps,
			Enum<?> alpsBand, double trend) {
		if (count == this.month.length) {
			grow();
		}
		this.month[count] = month;
		this.price[count] = price;
		this.interpolated[count] = interpolated;
		this.ipa[count] = ipa;
		this.ipaBand[count] = ipaBand;
		this.alps[count] = alps;
		this.alpsBand[count] = alpsBand;
		this.trend[count] = trend;
		count++;
	}

	void end(long series) {
		if (count == 0) {
			return;
		}
		out.row(16).int8(series);
		out.beginArray(BinaryRows.DATE, count);
		for (int i = 0; i < count; i++) {
			out.date(month[i].atDay(1));
		}
		out.endArray();
		numbers(price);
		out.beginArray(BinaryRows.BOOL, count);
		for (int i = 0; i < count; i++) {
			out.bool(interpolated[i]);
		}
		out.endArray();
		numbers(ipa);
		codes(ipaBand);
		numbers(alps);
		codes(alpsBand);
		numbers(trend);
		int last = count - 1;
		boolean previousIsTheMonthBefore = last > 0 && month[last - 1].plusMonths(1).equals(month[last]);
		out.date(month[last].atDay(1));
		number(price[last]);
		number(previousIsTheMonthBefore ? price[last - 1] : Double.NaN);
		number(ipa[last]);
		out.text(name(ipaBand[last]));
		number(alps[last]);
		out.text(name(alpsBand[last]));
	}

	/** Values to four decimals, as double precision (no value where NaN). */
	private void numbers(double[] values) {
		out.beginArray(BinaryRows.FLOAT8, count);
		for (int i = 0; i < count; i++) {
			double value = values[i];
			if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= LARGEST) {
				out.nul();
			}
			else {
				out.float8(scaled(value) / 10_000.0);
			}
		}
		out.endArray();
	}

	/** Bands by their position in their list, from 1 (as prices.series_month names them). */
	private void codes(Enum<?>[] bands) {
		out.beginArray(BinaryRows.INT2, count);
		for (int i = 0; i < count; i++) {
			if (bands[i] == null) {
				out.nul();
			}
			else {
				out.smallint((short) (bands[i].ordinal() + 1));
			}
		}
		out.endArray();
	}

	/** A value to 4 decimals (numeric(10,4) and (18,4)), rounded half away from zero; NaN is no value. */
	private void number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= LARGEST) {
			out.nul();
			return;
		}
		out.numeric4(scaled(value));
	}

	private static long scaled(double value) {
		if (Math.abs(value) >= 1e13) {
			return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).unscaledValue().longValueExact();
		}
		long scaled = Math.round(Math.abs(value) * 10_000);
		return value < 0 ? -scaled : scaled;
	}

	/** The rows so far, with the COPY's header and trailer. */
	byte[] bytes() {
		return out.takeLastBlock();
	}

	/** A value as the rows write it, as text (for the alerts); null for none. */
	static String decimal(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= LARGEST) {
			return null;
		}
		return BigDecimal.valueOf(scaled(value), 4).toPlainString();
	}

	static String name(Enum<?> band) {
		return band == null ? null : band.name();
	}

	private void grow() {
		int capacity = month.length * 2;
		month = Arrays.copyOf(month, capacity);
		price = Arrays.copyOf(price, capacity);
		interpolated = Arrays.copyOf(interpolated, capacity);
		ipa = Arrays.copyOf(ipa, capacity);
		ipaBand = Arrays.copyOf(ipaBand, capacity);
		alps = Arrays.copyOf(alps, capacity);
		alpsBand = Arrays.copyOf(alpsBand, capacity);
		trend = Arrays.copyOf(trend, capacity);
	}

}
