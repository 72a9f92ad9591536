package org.iofs.fse.prices.internal;

import java.time.LocalDate;

/**
 * What an alerts list is narrowed to; every part may be empty. {@code region} is an OIC geographic group (Arab,
 * African, Asian); {@code band} a band of either indicator (ALERT, CRISIS, MODERATE, HIGH...).
 */
public record AlertFilter(String country, String commodity, String band, String indicator, String region,
		LocalDate since) {

	public static AlertFilter since(String country, LocalDate since) {
		return new AlertFilter(country, null, null, null, null, since);
	}

}
