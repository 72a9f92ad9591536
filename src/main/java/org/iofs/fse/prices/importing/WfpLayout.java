package org.iofs.fse.prices.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a WFP food prices file (HDX), found by header name: the 14-column layout, the 16-column one that
 * adds market_id and commodity_id, and the global file that adds countryiso3. A file without one of the required
 * columns is refused with the list of what is missing.
 */
record WfpLayout(int date, int admin1, int admin2, int market, int marketId, int latitude, int longitude, int category,
		int commodity, int commodityId, int unit, int priceFlag, int priceType, int currency, int price, int usdPrice,
		int country) {

	private static final List<String> REQUIRED = List.of("date", "admin1", "admin2", "market", "commodity", "unit",
			"priceflag", "pricetype", "currency", "price");

	static WfpLayout of(List<String> header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("not a WFP food prices file: the header lacks the column(s) "
					+ String.join(", ", missing) + " (it has " + String.join(", ", header) + ")");
		}
		return new WfpLayout(columns.get("date"), columns.get("admin1"), columns.get("admin2"), columns.get("market"),
				columns.getOrDefault("market_id", -1), columns.getOrDefault("latitude", -1),
				columns.getOrDefault("longitude", -1), columns.getOrDefault("category", -1), columns.get("commodity"),
				columns.getOrDefault("commodity_id", -1), columns.get("unit"), columns.get("priceflag"),
				columns.get("pricetype"), columns.get("currency"), columns.get("price"),
				columns.getOrDefault("usdprice", -1), columns.getOrDefault("countryiso3", -1));
	}

	String describe() {
		String base = marketId >= 0 && commodityId >= 0 ? "WFP 16 columns (with market and commodity ids)"
				: "WFP 14 columns";
		return country >= 0 ? base + ", global (countryiso3)" : base;
	}

}
