package org.iofs.fse.prices.indicators;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Cuts a series' monthly prices into runs without holes: a gap of up to {@link #MAX_INTERPOLATED_GAP} months is
 * filled by linear interpolation (and marked), a longer gap ends one run and starts the next. A price that is not
 * positive is no price (it could only be a data error) and leaves a gap.
 */
public final class MonthlyRuns {

	public static final int MAX_INTERPOLATED_GAP = 2;

	private MonthlyRuns() {
	}

	public static List<List<MonthPrice>> of(SortedMap<YearMonth, Double> prices) {
		List<List<MonthPrice>> runs = new ArrayList<>();
		List<MonthPrice> run = new ArrayList<>();
		MonthPrice previous = null;
		for (Map.Entry<YearMonth, Double> entry : prices.entrySet()) {
			if (entry.getValue() == null || !(entry.getValue() > 0)) {
				continue;
			}
			MonthPrice current = new MonthPrice(entry.getKey(), entry.getValue(), false);
			if (previous != null) {
				long missing = ChronoUnit.MONTHS.between(previous.month(), current.month()) - 1;
				if (missing > MAX_INTERPOLATED_GAP) {
					runs.add(run);
					run = new ArrayList<>();
				}
				else {
					for (int i = 1; i <= missing; i++) {
						double share = (double) i / (missing + 1);
						run.add(new MonthPrice(previous.month().plusMonths(i),
								previous.price() + share * (current.price() - previous.price()), true));
					}
				}
			}
			run.add(current);
			previous = current;
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

}
