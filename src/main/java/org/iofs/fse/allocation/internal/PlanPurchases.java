package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.allocation.OfferSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The IFPA side of a plan: the offers that could serve its demands, asked of the board through {@link OfferSource}
 * (none when no board is there), and the purchases the solver chose, kept with the plan.
 */
@Component
class PlanPurchases {

	private final ObjectProvider<OfferSource> offerSource;

	private final JdbcTemplate template;

	PlanPurchases(ObjectProvider<OfferSource> offerSource, JdbcTemplate template) {
		this.offerSource = offerSource;
		this.template = template;
	}

	/** The IFPA offers that could reach each demand's member, asked once per member and commodity accepted. */
	List<AllocationModel.OfferSupply> offersFor(List<AllocationModel.Demand> demands, LocalDate departOn) {
		OfferSource source = offerSource.getIfAvailable();
		if (source == null) {
			return List.of();
		}
		Map<List<String>, LocalDate> latestNeed = new LinkedHashMap<>();
		for (AllocationModel.Demand d : demands) {
			d.accepted().forEach(c -> latestNeed.merge(List.of(d.country(), c), d.needBy(),
					(a, b) -> a.isAfter(b) ? a : b));
		}
		List<AllocationModel.OfferSupply> offers = new ArrayList<>();
		latestNeed.forEach((key, needBy) -> source.suppliableTo(key.get(1), key.get(0), departOn, needBy)
			.forEach(o -> offers.add(new AllocationModel.OfferSupply(o.offer(), o.seller(), o.hsCode(), key.get(0), key.get(1),
					o.openTonnes().doubleValue(), o.landedPerTonne().doubleValue(), o.transitDays(), o.deliveryFrom(),
					o.deliveryUntil()))));
		return offers;
	}

	void save(long plan, AllocationModel.Result result) {
		List<Object[]> rows = new ArrayList<>();
		int no = 0;
		for (AllocationModel.Purchase purchase : result.purchases()) {
			rows.add(new Object[] { plan, ++no, purchase.demand(), purchase.offer().offer(), purchase.offer().seller(),
					purchase.offer().hsCode(), purchase.offer().commodity(), BigDecimal.valueOf(purchase.tonnes()),
					BigDecimal.valueOf(purchase.offer().landedPerTonne()), BigDecimal.valueOf(purchase.cost()),
					Date.valueOf(purchase.shipment()), Date.valueOf(purchase.arrival()) });
		}
		template.batchUpdate("""
				INSERT INTO allocation.plan_purchase (plan_id, purchase_no, demand_no, offer_id, seller_id, hs_code,
				    commodity_code, tonnes, landed_per_tonne, cost, shipment, arrival)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

}
