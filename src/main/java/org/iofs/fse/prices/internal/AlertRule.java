package org.iofs.fse.prices.internal;

import java.time.YearMonth;

/**
 * When a band is news. An alert is raised for an observed month that is current when its price arrives (the analysis
 * month or the one before, so a history file raises none), when its band is worse than both months before it: a
 * series that dips for one month and comes back is the same episode, not a new alert.
 */
public final class AlertRule {

	private AlertRule() {
	}

	public static boolean isNews(YearMonth month, YearMonth analysisMonth) {
		return !month.isBefore(analysisMonth.minusMonths(1)) && !month.isAfter(analysisMonth);
	}

	/** @param oneBefore the severity of the month before; {@code twoBefore} of the one before that */
	public static boolean raises(int severity, int oneBefore, int twoBefore) {
		return severity > Math.max(oneBefore, twoBefore);
	}

}
