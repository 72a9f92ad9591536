package org.iofs.fse.prices;

import java.time.YearMonth;
import java.util.Locale;

/**
 * Generated WFP-layout price files for tests: five years of a seasonal monthly price, ending with a spike in the
 * last two months (so that, ending in the current month, the spike is news).
 */
public final class PriceFixtures {

	private PriceFixtures() {
	}

	/** Sixty months of retail prices of one commodity in one market, up to {@code last}, the last two spiking. */
	public static String fiveYears(String market, String commodity, String currency, YearMonth last) {
		StringBuilder file = new StringBuilder(WfpPriceImportIT.V1_HEADER);
		YearMonth first = last.minusMonths(59);
		for (int i = 0; i < 60; i++) {
			double price = 30 + 0.1 * i + 2 * Math.sin(i * Math.PI / 6) + (i % 7) * 0.05 + (i >= 58 ? 12 : 0);
			file.append(first.plusMonths(i).atDay(15)).append(",Region,District,").append(market)
				.append(",13.51,2.11,cereals and tubers,").append(commodity).append(",KG,actual,Retail,").append(currency)
				.append(',').append(String.format(Locale.ROOT, "%.2f", price)).append(",\n");
		}
		return file.toString();
	}

}
