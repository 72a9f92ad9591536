package org.iofs.fse.strategy.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The projection method the strategy page states: least squares on the last 15 years, 95 % prediction interval. */
class TrendTest {

	@Test
	void aStraightLineWithScatterIsProjectedWithTheTextbookInterval() {
		// y = 50 + 2 (x - 2015) with residuals +1, -1, +1, -1, 0: slope 1.8, intercept at 2015 50.4.
		List<Trend.Point> series = List.of(new Trend.Point(2015, 51), new Trend.Point(2016, 51),
				new Trend.Point(2017, 55), new Trend.Point(2018, 55), new Trend.Point(2019, 58));
		Trend trend = Trend.fit(series).orElseThrow();
		assertThat(trend.slope()).isCloseTo(1.8, within(1e-9));
		Trend.Projection at2025 = trend.at(2025);
		assertThat(at2025.value()).isCloseTo(50.4 + 1.8 * 10, within(1e-9));
		// s = sqrt(SSE / (n - 2)), SSE = 1.6 + ... computed by hand: residuals 0.6, -1.2, 1.0, -0.8, 0.4 -> 3.6
		double s = Math.sqrt(3.6 / 3);
		double t = 3.182446305284263; // Student's t, 3 degrees of freedom, 97.5 %
		double spread = t * s * Math.sqrt(1 + 1.0 / 5 + (2025 - 2017) * (2025 - 2017) / 10.0);
		assertThat(at2025.high() - at2025.value()).isCloseTo(spread, within(1e-6));
		assertThat(at2025.value() - at2025.low()).isCloseTo(spread, within(1e-6));
	}

	@Test
	void onlyTheLastFifteenYearsCountAndTooShortASeriesIsNotProjected() {
		assertThat(Trend.fit(List.of(new Trend.Point(2020, 1), new Trend.Point(2021, 2), new Trend.Point(2022, 3))))
			.isEmpty();
		List<Trend.Point> long_ = new java.util.ArrayList<>();
		for (int year = 1990; year < 2010; year++) {
			long_.add(new Trend.Point(year, year < 1995 ? 1000 : year));
		}
		Trend trend = Trend.fit(long_).orElseThrow();
		assertThat(trend.firstYear()).isEqualTo(1995);
		assertThat(trend.points()).isEqualTo(Trend.YEARS_USED);
		assertThat(trend.slope()).isCloseTo(1.0, within(1e-9));
	}

}
