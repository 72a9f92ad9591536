package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.ReferenceFile;

import org.springframework.stereotype.Component;

/**
 * The FAOSTAT trade items that count for the platform's commodities ({@code reference/trade-items.csv}): each
 * item's FAO and CPC codes, the commodity it belongs to, and the factor that turns its tonnes into the commodity's
 * primary equivalent as the balance sheets count it (wheat flour as wheat, paddy as milled rice, refined sugar as
 * raw). Items of other commodities are skipped by the import. Read when the platform starts, before the commodity
 * catalogue is loaded into the database: a test checks that each item names a commodity of the catalogue.
 */
@Component
class TradeItems {

	static final String FILE = "trade-items.csv";

	record Item(int code, String cpc, String commodity, BigDecimal factor, LocalizedText names) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	/** A commodity's items as two parallel arrays, for queries that sum its flows in primary equivalent. */
	record Codes(Integer[] items, BigDecimal[] factors) {
	}

	private final List<Item> items;

	private final Map<Integer, Item> byCode = new HashMap<>();

	private final Map<String, Item> byCpc = new HashMap<>();

	private final Commodities commodities;

	TradeItems(Commodities commodities) {
		this.commodities = commodities;
		this.items = new ReferenceFile(FILE).read(
				Set.of("item_code", "cpc_code", "commodity", "primary_factor", "name_en", "name_fr", "name_ar"),
				row -> new Item(Integer.parseInt(row.getField("item_code")), row.getField("cpc_code"),
						row.getField("commodity"),
						new BigDecimal(row.getField("primary_factor")),
						new LocalizedText(row.getField("name_en"), row.getField("name_ar"), row.getField("name_fr"))));
		items.forEach(item -> {
			byCode.put(item.code(), item);
			byCpc.put(item.cpc(), item);
		});
	}

	Optional<Item> byFaoCode(int code) {
		return Optional.ofNullable(byCode.get(code));
	}

	Optional<Item> byCpc(String cpc) {
		return Optional.ofNullable(byCpc.get(cpc));
	}

	/** The items of a commodity, or of every commodity of a food-balance group. */
	List<Item> of(Commodity commodity) {
		Set<String> codes = commodity.kind() == CommodityKind.GROUP
				? Set.copyOf(commodities.membersOf(commodity.code()).stream().map(Commodity::code).toList())
				: Set.of(commodity.code());
		return items.stream().filter(item -> codes.contains(item.commodity())).toList();
	}

	Codes codes(Commodity commodity) {
		List<Item> of = of(commodity);
		return new Codes(of.stream().map(Item::code).toArray(Integer[]::new),
				of.stream().map(Item::factor).toArray(BigDecimal[]::new));
	}

}
