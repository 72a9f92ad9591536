package org.iofs.fse.trade.internal;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.trade.TradeFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contracted deal whose delivery window closed is found overdue once by the nightly run (audited, published for
 * its two sides), and a delivered one never.
 */
class OverdueDeliveriesIT extends PlatformIT {

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000bf201");

	static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000af201");

	@Test
	void aDealPastItsWindowIsOverdueOnce() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String buyer = fixtures.verifiedCompany(BUYER, "t.overdue.buyer", "SDN", "OVERDUE-BUYER");
		String seller = fixtures.verifiedCompany(SELLER, "t.overdue.seller", "UZB", "OVERDUE-SELLER");
		LocalDate today = LocalDate.now();
		HttpResponse<String> rfq = http.postJson("/api/v1/trade/rfqs", """
				{"buyer": "%s", "commodity": "wheat", "tonnes": 300, "incoterm": "FCA", "incotermPlace": "Tashkent",
				 "destination": "SDN", "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s", "invited": ["%s"]}
				""".formatted(BUYER, today.plusDays(5), today.plusDays(20), today.plusDays(2), SELLER),
				"Authorization", buyer);
		long rfqId = ((Number) JsonPath.read(rfq.body(), "$.id")).longValue();
		HttpResponse<String> quote = http.postJson("/api/v1/trade/rfqs/" + rfqId + "/quotes", """
				{"seller": "%s", "tonnes": 300, "pricePerTonne": 281.5, "currency": "USD", "incoterm": "FCA",
				 "incotermPlace": "Tashkent"}
				""".formatted(SELLER), "Authorization", seller);
		long quoteId = ((Number) JsonPath.read(quote.body(), "$.id")).longValue();
		long deal = ((Number) JsonPath.read(http.postJson("/api/v1/trade/quotes/" + quoteId + "/accept", "{}",
				"Authorization", buyer).body(), "$.deal.id")).longValue();
		jdbc.sql("UPDATE trade.deal SET delivery_from = :from, delivery_until = :until WHERE id = :id")
			.param("from", java.sql.Date.valueOf(today.minusDays(20)))
			.param("until", java.sql.Date.valueOf(today.minusDays(1)))
			.param("id", deal)
			.update();

		OverdueDeliveries overdue = context.getBean(OverdueDeliveries.class);
		assertThat(overdue.run()).contains(deal);
		assertThat(overdue.run()).as("once").doesNotContain(deal);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'trade.deal-overdue' AND entity_id = :id")
			.param("id", Long.toString(deal)).query(Long.class).single()).isEqualTo(1);
	}

}
