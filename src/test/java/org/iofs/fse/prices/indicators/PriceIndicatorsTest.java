package org.iofs.fse.prices.indicators;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The price indicators on series worked out by hand, and their edge cases. */
class PriceIndicatorsTest {

	private static final PriceAnomaly.Settings IPA = new PriceAnomaly.Settings(0.4, PriceAnomaly.YearWeights.EQUAL);

	private static final PriceSpikes.Settings ALPS = new PriceSpikes.Settings(PriceSpikes.Fit.ALL_MONTHS,
			PriceSpikes.Scale.LEVELS);

	/**
	 * 48 months at 100, except a few set to 100·2^a so that the growth rates come out round. For December of the
	 * fourth year (t = 47): the annual rates of the earlier Decembers are 0 (t = 23) and 2^0.1 - 1 (t = 35), their
	 * mean m = (2^0.1 - 1)/2 and their weighted SD (Y = 2) (2^0.1 - 1)/√2, and CAGR_47 = 2^0.2 - 1. The quarterly
	 * rates of the earlier Decembers are 0, 0 and 2^0.1 - 1, which puts CQGR_47 = 2^0.1 - 1 at exactly 2/√3 SD.
	 */
	@Test
	void theIndicatorOfPriceAnomaliesMatchesAHandWorkedSeries() {
		double[] prices = new double[48];
		Arrays.fill(prices, 100);
		prices[32] = 100 * Math.pow(2, 0.9);
		prices[35] = 100 * Math.pow(2, 1.2);
		prices[44] = 100 * Math.pow(2, 3.3);
		prices[47] = 100 * Math.pow(2, 3.6);

		double[] ipa = PriceAnomaly.of(prices, IPA);

		double r = Math.pow(2, 0.1) - 1;
		double ia = (Math.pow(2, 0.2) - 1 - r / 2) / (r / Math.sqrt(2));
		double iq = 2 / Math.sqrt(3);
		assertThat(ipa[47]).isCloseTo(0.4 * iq + 0.6 * ia, within(1e-9));
		assertThat(ipa[47]).isCloseTo(1.79558, within(1e-5));
		assertThat(PriceAnomaly.band(ipa[47])).isEqualTo(PriceAnomaly.Band.HIGH);
		// Before the fourth year no month has two earlier years of annual growth.
		assertThat(Arrays.stream(ipa, 0, 36).allMatch(Double::isNaN)).isTrue();
	}

	@Test
	void recentYearsWeighMoreWhenAsked() {
		double[] prices = new double[48];
		Arrays.fill(prices, 100);
		prices[35] = 100 * Math.pow(2, 1.2);
		prices[47] = 100 * Math.pow(2, 3.6);
		double[] annual = PriceAnomaly.growth(prices, 12);

		// Earlier Decembers: 2^0.1 - 1 (weight 2, the latest) and 0 (weight 1): m = 2r/3,
		// s = sqrt((2(r/3)² + (2r/3)²) / (3·1/2)) = r·2/3.
		double r = Math.pow(2, 0.1) - 1;
		double expected = (Math.pow(2, 0.2) - 1 - 2 * r / 3) / (2 * r / 3);
		assertThat(PriceAnomaly.standardised(annual, 47, PriceAnomaly.YearWeights.RECENT))
			.isCloseTo(expected, within(1e-9));
	}

	@Test
	void ipaBandsAreSymmetric() {
		assertThat(PriceAnomaly.band(1.0)).isEqualTo(PriceAnomaly.Band.HIGH);
		assertThat(PriceAnomaly.band(0.5)).isEqualTo(PriceAnomaly.Band.MODERATE);
		assertThat(PriceAnomaly.band(0.49)).isEqualTo(PriceAnomaly.Band.NORMAL);
		assertThat(PriceAnomaly.band(-0.5)).isEqualTo(PriceAnomaly.Band.NORMAL);
		assertThat(PriceAnomaly.band(-0.7)).isEqualTo(PriceAnomaly.Band.MODERATELY_LOW);
		assertThat(PriceAnomaly.band(-1.0)).isEqualTo(PriceAnomaly.Band.LOW);
	}

	/**
	 * Three years of a known seasonal trend plus residuals built to be orthogonal to every regressor: +1, -2, +1 in
	 * the three Januaries (they sum to zero, and 0·1 + 12·(-2) + 24·1 = 0). Least squares gives the trend back
	 * exactly and those residuals; their SD is sqrt(6/35).
	 */
	@Test
	void alpsMatchesAHandWorkedSeries() {
		double[] prices = new double[36];
		double[] season = { 0, 3, 5, 2, -1, -4, -6, -3, 0, 4, 6, 1 };
		for (int t = 0; t < 36; t++) {
			prices[t] = 50 + 0.5 * t + season[t % 12];
		}
		prices[0] += 1;
		prices[12] -= 2;
		prices[24] += 1;

		PriceSpikes.Result result = PriceSpikes.of(prices, 1, ALPS);

		double sd = Math.sqrt(6.0 / 35);
		assertThat(result.alps()[0]).isCloseTo(1 / sd, within(1e-9));
		assertThat(result.alps()[12]).isCloseTo(-2 / sd, within(1e-9));
		assertThat(result.alps()[5]).isCloseTo(0, within(1e-9));
		assertThat(result.trend()[12]).isCloseTo(50 + 6, within(1e-9));
		assertThat(PriceSpikes.band(result.alps()[0])).isEqualTo(PriceSpikes.Band.CRISIS);
		assertThat(PriceSpikes.band(result.alps()[5])).isEqualTo(PriceSpikes.Band.NORMAL);
	}

	@Test
	void alpsBands() {
		assertThat(PriceSpikes.band(0.24)).isEqualTo(PriceSpikes.Band.NORMAL);
		assertThat(PriceSpikes.band(0.25)).isEqualTo(PriceSpikes.Band.STRESS);
		assertThat(PriceSpikes.band(1)).isEqualTo(PriceSpikes.Band.ALERT);
		assertThat(PriceSpikes.band(2)).isEqualTo(PriceSpikes.Band.CRISIS);
		assertThat(PriceSpikes.band(-3)).isEqualTo(PriceSpikes.Band.NORMAL);
	}

	@Test
	void aSeriesShorterThanThreeYearsHasNoAlps() {
		double[] prices = new double[35];
		Arrays.fill(prices, 10);
		prices[34] = 30;
		assertThat(Arrays.stream(PriceSpikes.of(prices, 1, ALPS).alps()).allMatch(Double::isNaN)).isTrue();
	}

	@Test
	void aFlatSeriesHasNeitherIndicator() {
		double[] prices = new double[60];
		Arrays.fill(prices, 42);
		assertThat(Arrays.stream(PriceAnomaly.of(prices, IPA)).allMatch(Double::isNaN)).isTrue();
		PriceSpikes.Result alps = PriceSpikes.of(prices, 3, ALPS);
		assertThat(Arrays.stream(alps.alps()).allMatch(Double::isNaN)).isTrue();
		assertThat(alps.trend()[59]).isCloseTo(42, within(1e-9));
	}

	@Test
	void aZeroPriceIsAGapAndGapsOfUpToTwoMonthsAreInterpolatedAndMarked() {
		SortedMap<YearMonth, Double> prices = new TreeMap<>();
		prices.put(YearMonth.of(2020, 1), 10.0);
		prices.put(YearMonth.of(2020, 2), 0.0);
		prices.put(YearMonth.of(2020, 4), 16.0);
		prices.put(YearMonth.of(2020, 5), 17.0);

		List<List<MonthPrice>> runs = MonthlyRuns.of(prices);

		assertThat(runs).hasSize(1);
		assertThat(runs.get(0)).extracting(MonthPrice::price).containsExactly(10.0, 12.0, 14.0, 16.0, 17.0);
		assertThat(runs.get(0)).extracting(MonthPrice::interpolated).containsExactly(false, true, true, false, false);
	}

	@Test
	void aGapLongerThanTwoMonthsBreaksTheSeries() {
		SortedMap<YearMonth, Double> prices = new TreeMap<>();
		prices.put(YearMonth.of(2020, 1), 10.0);
		prices.put(YearMonth.of(2020, 5), 11.0);
		prices.put(YearMonth.of(2020, 6), 12.0);

		List<List<MonthPrice>> runs = MonthlyRuns.of(prices);

		assertThat(runs).hasSize(2);
		assertThat(runs.get(1)).extracting(MonthPrice::month).containsExactly(YearMonth.of(2020, 5), YearMonth.of(2020, 6));
	}

	@Test
	void realTimeAlpsUsesOnlyTheMonthsUpToEach() {
		double[] prices = new double[40];
		for (int t = 0; t < 40; t++) {
			prices[t] = 20 + 0.1 * t + (t % 12 == 6 ? 2 : 0) + (t % 5) * 0.01;
		}
		prices[39] = 40;
		PriceSpikes.Result realTime = PriceSpikes.of(prices, 1,
				new PriceSpikes.Settings(PriceSpikes.Fit.REAL_TIME, PriceSpikes.Scale.LEVELS));
		PriceSpikes.Result truncated = PriceSpikes.of(Arrays.copyOf(prices, 37), 1, ALPS);

		assertThat(Double.isNaN(realTime.alps()[34])).isTrue();
		assertThat(realTime.alps()[36]).isCloseTo(truncated.alps()[36], within(1e-9));
		assertThat(PriceSpikes.band(realTime.alps()[39])).isEqualTo(PriceSpikes.Band.CRISIS);
	}

}
