package org.iofs.fse.prices.indicators;

import java.util.Arrays;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * WFP Alert for Price Spikes (ALPS). A run of at least {@link #MIN_MONTHS} monthly prices is fitted by ordinary
 * least squares to a seasonal trend, {@code P_t = α + β·t + Σ δ_m·D_m,t} (a linear trend and a dummy for each
 * calendar month but the first); the residual of each month, divided by the standard deviation of the residuals
 * ({@code sqrt(Σε² / (n-1))}), is its ALPS value. Fitted on all months of the run (the published method) or, in
 * real time, on the months up to each one; on price levels by default, or on their logarithms.
 */
public final class PriceSpikes {

	public static final int MIN_MONTHS = 36;

	public enum Fit {
		ALL_MONTHS, REAL_TIME
	}

	public enum Scale {
		LEVELS, LOGS
	}

	/** Bands: below 0.25 normal, then stress, from 1 alert, from 2 crisis. */
	public enum Band {

		NORMAL, STRESS, ALERT, CRISIS;

		public int severity() {
			return ordinal();
		}

	}

	public record Settings(Fit fit, Scale scale) {
	}

	/** Per month: the seasonal trend (the "normal" price, in price units) and the ALPS value; NaN where none. */
	public record Result(double[] trend, double[] alps) {
	}

	private PriceSpikes() {
	}

	/**
	 * @param prices a run of consecutive monthly prices, all positive
	 * @param firstCalendarMonth the calendar month (1-12) of the run's first price
	 */
	public static Result of(double[] prices, int firstCalendarMonth, Settings settings) {
		int n = prices.length;
		double[] trend = nans(n);
		double[] alps = nans(n);
		if (n < MIN_MONTHS) {
			return new Result(trend, alps);
		}
		double[] y = new double[n];
		for (int t = 0; t < n; t++) {
			y[t] = settings.scale() == Scale.LOGS ? Math.log(prices[t]) : prices[t];
		}
		if (settings.fit() == Fit.ALL_MONTHS) {
			double[] fitted = fit(y, n, firstCalendarMonth);
			if (fitted != null) {
				double sd = residualSd(y, fitted, n);
				for (int t = 0; t < n; t++) {
					trend[t] = unscaled(fitted[t], settings.scale());
					alps[t] = sd > 1e-12 ? (y[t] - fitted[t]) / sd : Double.NaN;
				}
			}
		}
		else {
			for (int last = MIN_MONTHS - 1; last < n; last++) {
				double[] fitted = fit(y, last + 1, firstCalendarMonth);
				if (fitted != null) {
					double sd = residualSd(y, fitted, last + 1);
					trend[last] = unscaled(fitted[last], settings.scale());
					alps[last] = sd > 1e-12 ? (y[last] - fitted[last]) / sd : Double.NaN;
				}
			}
		}
		return new Result(trend, alps);
	}

	public static Band band(double alps) {
		if (alps >= 2) {
			return Band.CRISIS;
		}
		if (alps >= 1) {
			return Band.ALERT;
		}
		return alps >= 0.25 ? Band.STRESS : Band.NORMAL;
	}

	/** The fitted values of the first {@code n} months, or null when the fit is impossible. */
	private static double[] fit(double[] y, int n, int firstCalendarMonth) {
		double[][] x = new double[n][12];
		for (int t = 0; t < n; t++) {
			x[t][0] = t;
			int calendarMonth = (firstCalendarMonth - 1 + t) % 12 + 1;
			if (calendarMonth > 1) {
				x[t][calendarMonth - 1] = 1;
			}
		}
		double[] observed = Arrays.copyOf(y, n);
		OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
		regression.newSampleData(observed, x);
		double[] beta;
		try {
			beta = regression.estimateRegressionParameters();
		}
		catch (SingularMatrixException ex) {
			return null;
		}
		double[] fitted = new double[n];
		for (int t = 0; t < n; t++) {
			double value = beta[0];
			for (int j = 0; j < 12; j++) {
				value += beta[j + 1] * x[t][j];
			}
			fitted[t] = value;
		}
		return fitted;
	}

	private static double residualSd(double[] y, double[] fitted, int n) {
		double squares = 0;
		for (int t = 0; t < n; t++) {
			double e = y[t] - fitted[t];
			squares += e * e;
		}
		return Math.sqrt(squares / (n - 1));
	}

	private static double unscaled(double value, Scale scale) {
		return scale == Scale.LOGS ? Math.exp(value) : value;
	}

	private static double[] nans(int n) {
		double[] values = new double[n];
		Arrays.fill(values, Double.NaN);
		return values;
	}

}
