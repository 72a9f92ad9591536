package org.iofs.fse.strategy.internal;

import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A straight-line trend fitted by least squares to the last {@value #YEARS_USED} years of a series, projected to a
 * later year with a 95 % prediction interval (the interval a single future year's value falls in, if the past
 * trend holds and the years scatter around it as they did). Stated on the strategy page as the method; it says
 * nothing of policy changes or shocks, which is why the interval is shown.
 */
record Trend(double slope, double intercept, int points, int firstYear, int lastYear, double meanYear,
		double sumSquaresYear, double residualStd) {

	static final int YEARS_USED = 15;

	static final int MIN_POINTS = 4;

	/** Student's t quantile for 95 % two-sided, per degrees of freedom: an iterative computation, done once each. */
	private static final java.util.Map<Integer, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

	record Point(int year, double value) {
	}

	record Projection(int year, double value, double low, double high) {
	}

	/** The trend of the series' last years, or empty with fewer than {@value #MIN_POINTS} years of data. */
	static Optional<Trend> fit(List<Point> series) {
		List<Point> used = series.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
		if (used.size() > YEARS_USED) {
			used = used.subList(used.size() - YEARS_USED, used.size());
		}
		if (used.size() < MIN_POINTS) {
			return Optional.empty();
		}
		SimpleRegression regression = new SimpleRegression();
		used.forEach(p -> regression.addData(p.year(), p.value()));
		double meanYear = used.stream().mapToInt(Point::year).average().orElseThrow();
		double sxx = used.stream().mapToDouble(p -> (p.year() - meanYear) * (p.year() - meanYear)).sum();
		if (sxx == 0) {
			return Optional.empty();
		}
		return Optional.of(new Trend(regression.getSlope(), regression.getIntercept(), used.size(),
				used.get(0).year(), used.get(used.size() - 1).year(), meanYear, sxx, Math.sqrt(regression.getMeanSquareError())));
	}

	Projection at(int year) {
		double value = intercept + slope * year;
		double t = T_QUANTILES.computeIfAbsent(points - 2, df -> new TDistribution(df).inverseCumulativeProbability(0.975));
		double spread = t * residualStd
				* Math.sqrt(1 + 1.0 / points + (year - meanYear) * (year - meanYear) / sumSquaresYear);
		return new Projection(year, value, value - spread, value + spread);
	}

}
