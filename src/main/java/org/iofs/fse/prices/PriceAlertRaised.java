package org.iofs.fse.prices;

import java.time.YearMonth;

/**
 * Prices of a commodity in a member entered a warning band: one event per member, commodity and month that an import,
 * an entry or a recompute raised alerts for, naming the worst band (ALPS: STRESS, ALERT, CRISIS; IPA: MODERATE, HIGH)
 * and how many markets' series raised one.
 */
public record PriceAlertRaised(String country, String commodity, YearMonth month, String indicator, String band,
		int series) {
}
