package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.iofs.fse.prices.internal.PriceUnit;

/** One price read from a file, checked and ready for staging. */
record PriceRow(long line, String iso3, String admin1, String admin2, String market, Integer marketId,
		BigDecimal latitude, BigDecimal longitude, String category, String commodity, Integer commodityId,
		PriceUnit unit, String priceFlag, String priceType, String currency, YearMonth month, BigDecimal price,
		BigDecimal usdPrice) {
}
