package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.trade.internal.FinanceSchedules.Mode;
import org.iofs.fse.trade.internal.FinanceSchedules.Schedule;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two financed demo deals, labelled demo: a murabaha from the demo trade finance corporation, being repaid in six
 * monthly instalments, and a salam, signed and paid in full, its rice delivered in two lots. Each goes through the
 * schedule calculator and its recorded steps follow the transition table.
 */
@Order(45)
@Component
class DemoFinance implements DemoData {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final FinanceRequests finance;

	private final Deals deals;

	private final JsonMapper json;

	private final java.time.Clock clock;

	DemoFinance(JdbcClient jdbc, Organisations organisations, FinanceRequests finance, Deals deals, JsonMapper json,
			java.time.Clock clock) {
		this.deals = deals;
		this.clock = clock;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.finance = finance;
		this.json = json;
	}

	@Override
	public void ensure() {
		List<UUID> financiers = organisations.idsOfType(OrganisationType.FINANCIAL_INSTITUTION).stream().sorted().toList();
		if (financiers.isEmpty()
				|| jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade.finance_request WHERE demo)").query(Boolean.class).single()) {
			return;
		}
		deal("DELIVERED").ifPresent(deal -> finance(deal, financiers.get(0), Mode.MURABAHA,
				List.of("REQUESTED", "APPROVED", "AGREEMENT_SIGNED", "GUARANTEE_ISSUED", "SUPPLIER_PAID",
						"GOODS_DELIVERED", "REPAYING")));
		deal("CONTRACTED").ifPresent(deal -> finance(deal, financiers.get(financiers.size() > 1 ? 1 : 0), Mode.SALAM,
				List.of("REQUESTED", "APPROVED", "AGREEMENT_SIGNED")));
	}

	private java.util.Optional<Deals.Deal> deal(String status) {
		// The oldest, so that a murabaha signed three days after its deal is already being repaid.
		return jdbc.sql("SELECT id FROM trade.deal WHERE demo AND payment_mode = 'ISLAMIC_FINANCE' AND status = :status "
				+ "ORDER BY contracted_at, id LIMIT 1").param("status", status).query(Long.class).optional()
			.or(() -> jdbc.sql("SELECT id FROM trade.deal WHERE demo AND status = :status ORDER BY contracted_at, id LIMIT 1")
				.param("status", status).query(Long.class).optional())
			.map(deals::load);
	}

	private void finance(Deals.Deal deal, UUID financier, Mode mode, List<String> steps) {
		LocalDate signed = java.util.Collections.min(List.of(
				deal.contractedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(3), LocalDate.now(clock)));
		FinanceRequests.FinanceTerms terms = mode == Mode.MURABAHA
				? new FinanceRequests.FinanceTerms(new BigDecimal("4.25"), null, 6, signed.plusMonths(1), 1, null, null,
						null, null, null, null, null, null, null)
				: new FinanceRequests.FinanceTerms(null, null, null, null, null, 2, null, null, null, null, null, null,
						null, null);
		BigDecimal amount = deal.tonnes().multiply(deal.pricePerTonne()).setScale(2, RoundingMode.HALF_EVEN);
		Schedule schedule = FinanceSchedules.compute(mode, new FinanceSchedules.Terms(amount, deal.tonnes(),
				deal.deliveryFrom(), deal.deliveryUntil(), signed, terms.markupPercent(), null, terms.instalments(),
				terms.firstDueOn(), terms.intervalMonths(), terms.deliveries(), List.of(), null, null, null, null, amount,
				null, null));
		long id = jdbc.sql("""
				INSERT INTO trade.finance_request (deal_id, buyer_id, financier_id, mode, currency, status, cost, markup,
				    price, terms, contract_number, signed_on, shariah_reference, guarantee, requested_by, requested_at, demo)
				VALUES (:deal, :buyer, :financier, :mode, :currency, :status, :cost, :markup, :price, CAST(:terms AS jsonb),
				    :number, :signed, 'SSB-2026-11', :guarantee, 'demo', :at, true)
				RETURNING id
				""")
			.params(Map.of("deal", deal.id(), "buyer", deal.buyer(), "financier", financier, "mode", mode.name(),
					"currency", deal.currency(), "status", steps.get(steps.size() - 1), "cost", schedule.cost(),
					"markup", schedule.markup(), "price", schedule.price(), "terms", json.writeValueAsString(terms)))
			.param("number", (mode == Mode.MURABAHA ? "MRB-" : "SLM-") + deal.id())
			.param("signed", Date.valueOf(signed))
			.param("guarantee", mode == Mode.MURABAHA ? "BG-" + deal.id() : null)
			.param("at", Timestamp.from(deal.contractedAt().plusSeconds(3600)))
			.query(Long.class)
			.single();
		finance.writeSchedule(id, schedule);
		String from = null;
		java.time.Instant at = deal.contractedAt().plusSeconds(3600);
		for (String to : steps) {
			finance.event(id, from, to, "demo", "", at);
			from = to;
			at = java.util.Collections.min(List.of(at.plus(java.time.Duration.ofDays(5)), clock.instant()));
		}
	}

}
