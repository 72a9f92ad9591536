package org.iofs.fse.prices.indicators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IPA and ALPS of three real series of the shared WFP samples (the longest of Pakistan, the longest of
 * Afghanistan, and one with a gap of more than two months), computed by the platform and by a second implementation
 * written here from the published definitions (its own interpolation, growth rates, reference years and a
 * least-squares fit by the normal equations), agree to 1e-6.
 */
class IndependentIndicatorsTest {

	static final Path SAMPLES = Path.of("../shared/data/samples");

	@Test
	void threeRealSeriesAgreeWithAnIndependentComputation() throws IOException {
		Map<String, SortedMap<YearMonth, Double>> pakistan = series(SAMPLES.resolve("wfp_food_prices_pak.csv"));
		Map<String, SortedMap<YearMonth, Double>> afghanistan = series(SAMPLES.resolve("wfp_food_prices_afg.csv"));
		List<SortedMap<YearMonth, Double>> chosen = new ArrayList<>();
		chosen.add(longest(pakistan));
		chosen.add(longest(afghanistan));
		Map<String, SortedMap<YearMonth, Double>> all = new HashMap<>(pakistan);
		all.putAll(afghanistan);
		// The series with a gap of more than two months whose IPA most often reads reference years across it.
		SortedMap<YearMonth, Double> withGap = all.values().stream()
			.filter(s -> s.size() >= 48 && longestGap(s) > 2)
			.max(Comparator.comparingLong(IndependentIndicatorsTest::monthsAcrossAGap))
			.orElseThrow();
		chosen.add(withGap);

		int compared = 0;
		int acrossAGap = 0;
		for (SortedMap<YearMonth, Double> prices : chosen) {
			Map<YearMonth, double[]> platform = platform(prices);
			Independent independent = new Independent(prices);
			for (Map.Entry<YearMonth, double[]> month : platform.entrySet()) {
				double ipa = independent.ipa(month.getKey());
				double alps = independent.alps(month.getKey());
				assertThat(agree(month.getValue()[0], ipa)).as("IPA of " + month.getKey() + ": platform "
						+ month.getValue()[0] + ", independent " + ipa).isTrue();
				assertThat(agree(month.getValue()[1], alps)).as("ALPS of " + month.getKey() + ": platform "
						+ month.getValue()[1] + ", independent " + alps).isTrue();
				compared += Double.isNaN(ipa) ? 0 : 1;
				acrossAGap += !Double.isNaN(ipa) && independent.referenceSkipsAYear(month.getKey()) ? 1 : 0;
			}
		}
		assertThat(longestGap(withGap)).isGreaterThan(2);
		assertThat(compared).isGreaterThan(300);
		assertThat(acrossAGap).as("months whose reference years skip a year without a value").isPositive();
	}

	/** The platform's values per month: IPA over the whole series, ALPS per run. */
	private static Map<YearMonth, double[]> platform(SortedMap<YearMonth, Double> prices) {
		Map<YearMonth, double[]> values = new TreeMap<>();
		List<List<MonthPrice>> runs = MonthlyRuns.of(prices);
		List<double[]> ipa = PriceAnomaly.ofRuns(runs, new PriceAnomaly.Settings(0.4, PriceAnomaly.YearWeights.EQUAL));
		for (int r = 0; r < runs.size(); r++) {
			List<MonthPrice> run = runs.get(r);
			PriceSpikes.Result alps = PriceSpikes.of(run.stream().mapToDouble(MonthPrice::price).toArray(),
					run.get(0).month().getMonthValue(),
					new PriceSpikes.Settings(PriceSpikes.Fit.ALL_MONTHS, PriceSpikes.Scale.LEVELS));
			for (int t = 0; t < run.size(); t++) {
				values.put(run.get(t).month(), new double[] { ipa.get(r)[t], alps.alps()[t] });
			}
		}
		return values;
	}

	private static boolean agree(double a, double b) {
		return Double.isNaN(a) ? Double.isNaN(b) : !Double.isNaN(b) && Math.abs(a - b) <= 1e-6;
	}

	/** Each series of a WFP file: market, commodity, price type, unit and currency; actual prices only. */
	private static Map<String, SortedMap<YearMonth, Double>> series(Path file) throws IOException {
		Map<String, SortedMap<YearMonth, Double>> series = new HashMap<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			for (NamedCsvRecord row : csv) {
				if (row.getField("date").startsWith("#") || !row.getField("priceflag").equals("actual")) {
					continue;
				}
				String key = String.join("|", row.getField("market"), row.getField("commodity"),
						row.getField("pricetype"), row.getField("unit"), row.getField("currency"));
				double price = Double.parseDouble(row.getField("price"));
				if (price > 0) {
					series.computeIfAbsent(key, k -> new TreeMap<>())
						.put(YearMonth.from(java.time.LocalDate.parse(row.getField("date"))), price);
				}
			}
		}
		return series;
	}

	private static SortedMap<YearMonth, Double> longest(Map<String, SortedMap<YearMonth, Double>> series) {
		return series.values().stream().max(Comparator.comparingInt(Map::size)).orElseThrow();
	}

	private static long monthsAcrossAGap(SortedMap<YearMonth, Double> prices) {
		Independent independent = new Independent(prices);
		return independent.filled.keySet().stream()
			.filter(m -> !Double.isNaN(independent.ipa(m)) && independent.referenceSkipsAYear(m))
			.count();
	}

	private static long longestGap(SortedMap<YearMonth, Double> prices) {
		long longest = 0;
		YearMonth previous = null;
		for (YearMonth month : prices.keySet()) {
			if (previous != null) {
				longest = Math.max(longest, java.time.temporal.ChronoUnit.MONTHS.between(previous, month) - 1);
			}
			previous = month;
		}
		return longest;
	}

	/** The second implementation, from the definitions, on months rather than arrays. */
	static final class Independent {

		final SortedMap<YearMonth, Double> filled = new TreeMap<>();

		final Map<YearMonth, Double> alps = new HashMap<>();

		final YearMonth first;

		Independent(SortedMap<YearMonth, Double> observed) {
			YearMonth previous = null;
			for (Map.Entry<YearMonth, Double> entry : observed.entrySet()) {
				if (previous != null) {
					long missing = java.time.temporal.ChronoUnit.MONTHS.between(previous, entry.getKey()) - 1;
					if (missing >= 1 && missing <= 2) {
						double from = observed.get(previous);
						for (int i = 1; i <= missing; i++) {
							filled.put(previous.plusMonths(i), from + (entry.getValue() - from) * i / (missing + 1));
						}
					}
				}
				filled.put(entry.getKey(), entry.getValue());
				previous = entry.getKey();
			}
			first = filled.firstKey();
			List<YearMonth> run = new ArrayList<>();
			for (YearMonth month : filled.keySet()) {
				if (!run.isEmpty() && !run.get(run.size() - 1).plusMonths(1).equals(month)) {
					fit(run);
					run = new ArrayList<>();
				}
				run.add(month);
			}
			fit(run);
		}

		double growth(YearMonth month, int months) {
			Double now = filled.get(month);
			Double before = filled.get(month.minusMonths(months));
			return now == null || before == null ? Double.NaN : Math.pow(now / before, 1.0 / months) - 1;
		}

		double z(YearMonth month, int months) {
			double value = growth(month, months);
			if (Double.isNaN(value)) {
				return Double.NaN;
			}
			List<Double> reference = new ArrayList<>();
			for (YearMonth earlier = month.minusYears(1); !earlier.isBefore(first); earlier = earlier.minusYears(1)) {
				double rate = growth(earlier, months);
				if (!Double.isNaN(rate)) {
					reference.add(rate);
				}
			}
			if (reference.size() < 2) {
				return Double.NaN;
			}
			double mean = reference.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
			double squares = reference.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
			double sd = Math.sqrt(squares / (reference.size() - 1));
			return sd > 1e-12 ? (value - mean) / sd : Double.NaN;
		}

		double ipa(YearMonth month) {
			return 0.4 * z(month, 3) + 0.6 * z(month, 12);
		}

		boolean referenceSkipsAYear(YearMonth month) {
			boolean missingSeen = false;
			for (YearMonth earlier = month.minusYears(1); !earlier.isBefore(first); earlier = earlier.minusYears(1)) {
				boolean has = !Double.isNaN(growth(earlier, 12));
				if (!has) {
					missingSeen = true;
				}
				else if (missingSeen) {
					return true;
				}
			}
			return false;
		}

		double alps(YearMonth month) {
			return alps.getOrDefault(month, Double.NaN);
		}

		/** Least squares by the normal equations: a centred trend and a dummy per calendar month but January. */
		private void fit(List<YearMonth> run) {
			int n = run.size();
			if (n < 36) {
				return;
			}
			double centre = (n - 1) / 2.0;
			double[][] x = new double[n][13];
			double[] y = new double[n];
			for (int t = 0; t < n; t++) {
				x[t][0] = 1;
				x[t][1] = t - centre;
				int calendar = run.get(t).getMonthValue();
				if (calendar > 1) {
					x[t][calendar] = 1;
				}
				y[t] = filled.get(run.get(t));
			}
			double[][] normal = new double[13][14];
			for (int i = 0; i < 13; i++) {
				for (int j = 0; j < 13; j++) {
					for (int t = 0; t < n; t++) {
						normal[i][j] += x[t][i] * x[t][j];
					}
				}
				for (int t = 0; t < n; t++) {
					normal[i][13] += x[t][i] * y[t];
				}
			}
			double[] beta = solve(normal);
			double[] residual = new double[n];
			double squares = 0;
			for (int t = 0; t < n; t++) {
				double fitted = 0;
				for (int j = 0; j < 13; j++) {
					fitted += beta[j] * x[t][j];
				}
				residual[t] = y[t] - fitted;
				squares += residual[t] * residual[t];
			}
			double sd = Math.sqrt(squares / (n - 1));
			for (int t = 0; t < n; t++) {
				alps.put(run.get(t), residual[t] / sd);
			}
		}

		/** Gauss-Jordan elimination with partial pivoting of an augmented matrix. */
		private static double[] solve(double[][] a) {
			int size = a.length;
			for (int col = 0; col < size; col++) {
				int pivot = col;
				for (int row = col + 1; row < size; row++) {
					if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
						pivot = row;
					}
				}
				double[] swap = a[col];
				a[col] = a[pivot];
				a[pivot] = swap;
				for (int row = 0; row < size; row++) {
					if (row != col) {
						double factor = a[row][col] / a[col][col];
						for (int k = col; k <= size; k++) {
							a[row][k] -= factor * a[col][k];
						}
					}
				}
			}
			double[] solution = new double[size];
			for (int i = 0; i < size; i++) {
				solution[i] = a[i][size] / a[i][i];
			}
			return solution;
		}

	}

}
