package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price series as lists show it: where, what, in which unit and currency, its latest month (price, change on the
 * month before, price per base unit) and the bands of its indicators. {@code current} says whether the latest
 * price is recent enough (at most two months before the analysis month, the FPMA rule) for its bands to warn.
 */
public record PriceSeries(long id, String country, long marketId, String market, String admin1, String admin2,
		boolean demo, String sourceCommodity, String commodity, String priceType, String unit, BigDecimal unitQuantity,
		String baseUnit, String currency, LocalDate latestMonth, BigDecimal latestPrice, BigDecimal pricePerBaseUnit,
		BigDecimal changePercent, BigDecimal ipa, String ipaBand, BigDecimal alps, String alpsBand, boolean current) {

	/** WFP's name of the market that averages a member's markets. */
	static final String NATIONAL_AVERAGE = "national average";

	static boolean isNationalAverage(String market) {
		return market != null && market.strip().equalsIgnoreCase(NATIONAL_AVERAGE);
	}

	/** Whether this is the member's national average, which pages name in the reader's language. */
	public boolean nationalAverage() {
		return isNationalAverage(market);
	}

}
