package org.iofs.fse.prices.internal;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert is news: a current month, and a band worse than both months before. */
class AlertRuleTest {

	static final YearMonth ANALYSIS = YearMonth.of(2026, 12);

	@Test
	void onlyTheAnalysisMonthAndTheOneBeforeAreNews() {
		assertThat(AlertRule.isNews(ANALYSIS, ANALYSIS)).isTrue();
		assertThat(AlertRule.isNews(ANALYSIS.minusMonths(1), ANALYSIS)).isTrue();
		assertThat(AlertRule.isNews(ANALYSIS.minusMonths(2), ANALYSIS)).isFalse();
		assertThat(AlertRule.isNews(YearMonth.of(2019, 3), ANALYSIS)).isFalse();
		assertThat(AlertRule.isNews(ANALYSIS.plusMonths(1), ANALYSIS)).isFalse();
	}

	@Test
	void aOneMonthDipIsTheSameEpisodeAndTwoMonthsEndIt() {
		int normal = 0;
		int alert = 2;
		int crisis = 3;
		assertThat(AlertRule.raises(crisis, normal, normal)).isTrue();
		// Crisis, one normal month, crisis again: not a new alert.
		assertThat(AlertRule.raises(crisis, normal, crisis)).isFalse();
		// Crisis, two normal months, crisis again: a new alert.
		assertThat(AlertRule.raises(crisis, normal, normal)).isTrue();
		// Worse than before: a new alert even within an episode.
		assertThat(AlertRule.raises(crisis, alert, alert)).isTrue();
		assertThat(AlertRule.raises(alert, crisis, normal)).isFalse();
	}

}
