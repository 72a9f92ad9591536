package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a project page's charts draw, shaped for the browser: committed and disbursed US dollars per year, and for
 * each result indicator its baseline, targets and actuals per year on one axis of years.
 */
final class ProjectCharts {

	/** Years with the committed and the disbursed US dollars of each, in order. */
	record Financing(List<Integer> years, List<BigDecimal> committed, List<BigDecimal> disbursed) {
	}

	/** An indicator's years with its target and actual of each (null where none), the baseline first. */
	record Indicator(long id, List<Integer> years, List<BigDecimal> targets, List<BigDecimal> actuals) {
	}

	private ProjectCharts() {
	}

	static Financing financingByYear(List<org.iofs.fse.projects.internal.Financing.Transaction> transactions) {
		Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
		for (var t : transactions) {
			if (t.type() == 2 || t.type() == 3) {
				BigDecimal[] sums = byYear.computeIfAbsent(t.date().getYear(),
						y -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[t.type() == 2 ? 0 : 1] = sums[t.type() == 2 ? 0 : 1].add(t.valueUsd());
			}
		}
		List<BigDecimal> committed = new ArrayList<>();
		List<BigDecimal> disbursed = new ArrayList<>();
		byYear.values().forEach(sums -> {
			committed.add(sums[0]);
			disbursed.add(sums[1]);
		});
		return new Financing(List.copyOf(byYear.keySet()), committed, disbursed);
	}

	static List<Indicator> indicators(List<ProjectResults.Indicator> indicators) {
		List<Indicator> charts = new ArrayList<>();
		for (ProjectResults.Indicator indicator : indicators) {
			Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
			byYear.put(indicator.baselineYear(), new BigDecimal[] { null, indicator.baselineValue() });
			for (ProjectResults.Period period : indicator.periods()) {
				BigDecimal[] values = byYear.computeIfAbsent(period.year(), y -> new BigDecimal[2]);
				values[0] = period.target();
				if (period.actual() != null) {
					values[1] = period.actual();
				}
			}
			List<BigDecimal> targets = new ArrayList<>();
			List<BigDecimal> actuals = new ArrayList<>();
			byYear.values().forEach(values -> {
				targets.add(values[0]);
				actuals.add(values[1]);
			});
			charts.add(new Indicator(indicator.id(), List.copyOf(byYear.keySet()), targets, actuals));
		}
		return charts;
	}

}
