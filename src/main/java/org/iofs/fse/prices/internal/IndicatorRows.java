package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * A chunk's indicators as CSV for COPY, one row per series: its months side by side in array literals, then the
 * latest month's values. Every element is a number, a date, t or f, a band name or NULL: none needs quoting
 * inside the array, and each array is one quoted CSV field.
 */
final class IndicatorRows {

	private static final int ARRAYS = 8;

	private final StringBuilder text = new StringBuilder(1 << 20);

	private final StringBuilder[] arrays = new StringBuilder[ARRAYS];

	private int count;

	private YearMonth latest;

	private String[] latestValues;

	private String previousPrice;

	IndicatorRows() {
		for (int i = 0; i < ARRAYS; i++) {
			arrays[i] = new StringBuilder(1024);
		}
	}

	void begin() {
		for (StringBuilder array : arrays) {
			array.setLength(0);
		}
		count = 0;
		latest = null;
		previousPrice = null;
	}

	void add(YearMonth month, double price, boolean interpolated, double ipa, Enum<?> ipaBand, double alps,
			Enum<?> alpsBand, double trend) {
		String[] values = { month.atDay(1).toString(), decimal(price), interpolated ? "t" : "f", decimal(ipa),
				name(ipaBand), decimal(alps), name(alpsBand), decimal(trend) };
		for (int i = 0; i < ARRAYS; i++) {
			if (count > 0) {
				arrays[i].append(',');
			}
			arrays[i].append(values[i] == null ? "NULL" : values[i]);
		}
		previousPrice = latest != null && latest.plusMonths(1).equals(month) ? latestValues[1] : null;
		latest = month;
		latestValues = values;
		count++;
	}

	void end(long series) {
		if (count == 0) {
			return;
		}
		text.append(series);
		for (StringBuilder array : arrays) {
			text.append(",\"{").append(array).append("}\"");
		}
		// latest month, price, previous price, IPA, its band, ALPS, its band
		text.append(',').append(latestValues[0]).append(',').append(latestValues[1]).append(',');
		field(previousPrice).field(latestValues[3]).field(latestValues[4]).field(latestValues[5]);
		if (latestValues[6] != null) {
			text.append(latestValues[6]);
		}
		text.append('\n');
	}

	private IndicatorRows field(String value) {
		if (value != null) {
			text.append(value);
		}
		text.append(',');
		return this;
	}

	byte[] bytes() {
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** A value to 4 decimals (numeric(10,4) and (18,4)), or null for none; millions of them, so not BigDecimal. */
	static String decimal(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		if (Math.abs(value) >= 1e13) {
			return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
		}
		long scaled = Math.round(Math.abs(value) * 10_000);
		StringBuilder text = new StringBuilder(24);
		if (value < 0 && scaled != 0) {
			text.append('-');
		}
		text.append(scaled / 10_000).append('.');
		long fraction = scaled % 10_000;
		for (long unit = 1_000; unit > 0; unit /= 10) {
			text.append((char) ('0' + fraction / unit % 10));
		}
		return text.toString();
	}

	static String name(Enum<?> band) {
		return band == null ? null : band.name();
	}

}
