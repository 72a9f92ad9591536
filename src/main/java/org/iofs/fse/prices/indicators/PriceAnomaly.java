package org.iofs.fse.prices.indicators;

/**
 * FAO GIEWS Indicator of Price Anomalies (Baquedano 2015; SDG 2.c.1). For month t, the compound quarterly and
 * annual growth rates {@code CQGR = (P_t/P_t-3)^(1/3) - 1} and {@code CAGR = (P_t/P_t-12)^(1/12) - 1} are each
 * standardised against the same calendar month of the earlier years of the run, with a weighted mean
 * {@code m = Σw·X / Σw} and a weighted standard deviation {@code s = sqrt(Σw·(X-m)² / (Σw·(Y-1)/Y))}, then
 * combined: {@code IPA = γ·IQ + (1-γ)·IA}. A month has no IPA until both terms have at least two earlier years,
 * nor when the earlier years do not vary (s = 0).
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

	private PriceAnomaly() {
	}

	/** The IPA of each month of a run of consecutive monthly prices; NaN where there is none. */
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
		int years = 0;
		for (int k = t - 12; k >= 0 && !Double.isNaN(values[k]); k -= 12) {
			years++;
		}
		if (years < 2) {
			return Double.NaN;
		}
		double weights = 0;
		double weighted = 0;
		for (int i = 0; i < years; i++) {
			double w = weight(i, years, yearWeights);
			weights += w;
			weighted += w * values[t - 12 * (i + 1)];
		}
		double mean = weighted / weights;
		double squares = 0;
		for (int i = 0; i < years; i++) {
			double gap = values[t - 12 * (i + 1)] - mean;
			squares += weight(i, years, yearWeights) * gap * gap;
		}
		double sd = Math.sqrt(squares / (weights * (years - 1) / years));
		return sd > 1e-12 ? (values[t] - mean) / sd : Double.NaN;
	}

	/** The weight of the year i + 1 years before t, of {@code years} earlier years. */
	private static double weight(int i, int years, YearWeights yearWeights) {
		return yearWeights == YearWeights.EQUAL ? 1 : years - i;
	}

}
