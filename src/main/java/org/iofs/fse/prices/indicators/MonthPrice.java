package org.iofs.fse.prices.indicators;

import java.time.YearMonth;

/** A month's price of a series, as observed or interpolated across a short gap. */
public record MonthPrice(YearMonth month, double price, boolean interpolated) {
}
