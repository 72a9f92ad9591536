package org.iofs.fse.prices.indicators;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FAO GIEWS Indicator of Price Anomalies (Baquedano 2015; SDG 2.c.1). For month t, the compound quarterly and
 * annual growth rates {@code CQGR = (P_t/P_t-3)^(1/3) - 1} and {@code CAGR = (P_t/P_t-12)^(1/12) - 1} are each
 * standardised against the same calendar month of the earlier years of the series, with a weighted mean
 * {@code m = Σw·X / Σw} and a weighted standard deviation {@code s = sqrt(Σw·(X-m)² / (Σw·(Y-1)/Y))}, then
 * combined: {@code IPA = γ·IQ + (1-γ)·IA}. The reference is every earlier year of the series whose same calendar
 * month has a value, however many years without one lie between (as FAO's method reads it): a gap in the series
 * leaves out its own years, not all the years before it. A month has no IPA until both terms have at least
 * {@link #MIN_REFERENCE_YEARS} such years, nor when they do not vary (s = 0).
 */
public final class PriceAnomaly {

	/** How the earlier years are weighted: all alike, or the more recent more (weight 1 for the oldest, Y for the latest). */
	public enum YearWeights {
		EQUAL, RECENT
	}

	/**
	 * Bands, read symmetrically as SDG 2.c.1 does: at least 1 abnormally high, [0.5, 1) moderately high,
	 * [-0.5, 0.5) normal, (-1, -0.5) moderately low, at most -1 abnormally low.
	 */
	public enum Band {

		LOW(-2), MODERATELY_LOW(-1), NORMAL(0), MODERATE(1), HIGH(2);

		private final int level;

		Band(int level) {
			this.level = level;
		}

		/** How high prices are, for alerts: only the high side raises them. */
		public int severity() {
			return Math.max(level, 0);
		}

	}

	public record Settings(double gamma, YearWeights yearWeights) {

		public Settings {
			if (!(gamma >= 0 && gamma <= 1)) {
				throw new IllegalArgumentException("gamma must lie in [0, 1], not " + gamma);
			}
		}

	}

	/** Earlier years with a value that a month's growth rate is standardised against, at the least. */
	public static final int MIN_REFERENCE_YEARS = 2;

	private PriceAnomaly() {
	}

	/**
	 * The IPA of each month of a series' monthly prices, one per month from its first to its last (NaN for a month
	 * without a price, which gives no growth rate); NaN where there is no IPA.
	 */
	public static double[] of(double[] prices, Settings settings) {
		double[] quarterly = growth(prices, 3);
		double[] annual = growth(prices, 12);
		double[] ipa = new double[prices.length];
		for (int t = 0; t < prices.length; t++) {
			double iq = standardised(quarterly, t, settings.yearWeights());
			double ia = standardised(annual, t, settings.yearWeights());
			ipa[t] = settings.gamma() * iq + (1 - settings.gamma()) * ia;
		}
		return ipa;
	}

	/**
	 * The IPA of each month of a series cut into runs ({@link MonthlyRuns}), computed over the whole series: the
	 * months between runs count as months without a price. One array per run, aligned with it.
	 */
	public static List<double[]> ofRuns(List<List<MonthPrice>> runs, Settings settings) {
		if (runs.isEmpty()) {
			return List.of();
		}
		YearMonth first = runs.get(0).get(0).month();
		List<MonthPrice> lastRun = runs.get(runs.size() - 1);
		double[] timeline = new double[(int) ChronoUnit.MONTHS.between(first, lastRun.get(lastRun.size() - 1).month()) + 1];
		Arrays.fill(timeline, Double.NaN);
		for (List<MonthPrice> run : runs) {
			for (MonthPrice month : run) {
				timeline[(int) ChronoUnit.MONTHS.between(first, month.month())] = month.price();
			}
		}
		double[] ipa = of(timeline, settings);
		List<double[]> byRun = new ArrayList<>();
		for (List<MonthPrice> run : runs) {
			int offset = (int) ChronoUnit.MONTHS.between(first, run.get(0).month());
			byRun.add(Arrays.copyOfRange(ipa, offset, offset + run.size()));
		}
		return byRun;
	}

	public static Band band(double ipa) {
		if (ipa >= 1) {
			return Band.HIGH;
		}
		if (ipa >= 0.5) {
			return Band.MODERATE;
		}
		if (ipa >= -0.5) {
			return Band.NORMAL;
		}
		return ipa > -1 ? Band.MODERATELY_LOW : Band.LOW;
	}

	/** Compound growth over {@code months}: the geometric mean monthly rate. */
	static double[] growth(double[] prices, int months) {
		double[] rates = new double[prices.length];
		for (int t = 0; t < prices.length; t++) {
			rates[t] = t >= months && prices[t] > 0 && prices[t - months] > 0
					? Math.pow(prices[t] / prices[t - months], 1.0 / months) - 1 : Double.NaN;
		}
		return rates;
	}

	/** The value at t standardised against the same calendar month of the earlier years. */
	static double standardised(double[] values, int t, YearWeights yearWeights) {
		if (Double.isNaN(values[t])) {
			return Double.NaN;
		}
		// Every earlier year with a value, most recent first; a year without one is skipped, not an end.
		double[] reference = new double[t / 12];
		int years = 0;
		for (int k = t - 12; k >= 0; k -= 12) {
			if (!Double.isNaN(values[k])) {
				reference[years++] = values[k];
			}
		}
		if (years < MIN_REFERENCE_YEARS) {
			return Double.NaN;
		}
		double weights = 0;
		double weighted = 0;
		for (int i = 0; i < years; i++) {
			double w = weight(i, years, yearWeights);
			weights += w;
			weighted += w * reference[i];
		}
		double mean = weighted / weights;
		double squares = 0;
		for (int i = 0; i < years; i++) {
			double gap = reference[i] - mean;
			squares += weight(i, years, yearWeights) * gap * gap;
		}
		double sd = Math.sqrt(squares / (weights * (years - 1) / years));
		return sd > 1e-12 ? (values[t] - mean) / sd : Double.NaN;
	}

	/** The weight of the i-th most recent of the {@code years} earlier years with a value. */
	private static double weight(int i, int years, YearWeights yearWeights) {
		return yearWeights == YearWeights.EQUAL ? 1 : years - i;
	}

}
