package org.iofs.fse.response.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.allocation.OfferSource;
import org.iofs.fse.allocation.ResponsePlans;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.reserves.ReleaseDrafts;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.response.ProposalDrafted;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts a response proposal from a price alert, in three short steps so that the solver holds no transaction: the
 * situation is read (the member's latest balance, its reserve's available and pledged tonnes, the IFPA offers that
 * could reach it within the need-by date); the proposal and its draft release request are written in one
 * transaction, with the event that tells the analysts; the allocation plan is solved and attached. An alert for a
 * member's commodity that already has a proposal waiting (drafted), or one drafted in the last {@value #QUIET_DAYS}
 * days, drafts nothing more; a proposal left without its plan (a crash between the steps) gets it when the alert is
 * handled again.
 *
 * <p>The suggestion: a month of the member's use of the commodity (its latest domestic supply over twelve), no more
 * than its reserve and the offers could deliver (whole tonnes, rounded down); tier 3 (humanitarian) in a crisis,
 * tier 2 (a spot agreement, as a loan) otherwise; needed within {@value #NEED_IN_DAYS} days, inside the 15-45 days
 * IOFS aims to deliver in.
 */
@Component
class ProposalDrafting {

	private static final Logger log = LoggerFactory.getLogger(ProposalDrafting.class);

	/** Bands that call for a response: ALPS alert and crisis, and a high IPA anomaly. */
	static final List<String> RESPONSE_BANDS = List.of("ALERT", "CRISIS", "HIGH");

	static final int NEED_IN_DAYS = 30;

	/** After a proposal for a member's commodity, further alerts of it draft none for this many days. */
	static final int QUIET_DAYS = 60;

	/** What was known when the proposal was drafted. */
	record Situation(FoodBalanceFacts.LatestRatio balance, String reserve, BigDecimal reserveStock,
			BigDecimal pledged, List<OfferSource.SuppliableOffer> offers) {

		BigDecimal offered() {
			return offers.stream().map(OfferSource.SuppliableOffer::openTonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** A month of use in tonnes (the balance is in thousand tonnes); null without a published use. */
		BigDecimal monthlyUse() {
			return balance == null || balance.domesticSupply() == null || balance.domesticSupply().signum() <= 0 ? null
					: balance.domesticSupply().multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(12), 3,
							RoundingMode.HALF_UP);
		}

		BigDecimal suggestedTonnes() {
			BigDecimal deliverable = reserveStock.add(offered());
			BigDecimal month = monthlyUse();
			BigDecimal tonnes = month == null ? deliverable
					: deliverable.signum() > 0 ? month.min(deliverable) : month;
			return tonnes.setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final FoodBalanceFacts balances;

	private final ReleaseDrafts releases;

	private final ReservesSituation reserves;

	private final Hubs hubs;

	private final ObjectProvider<OfferSource> offerSource;

	private final ResponsePlans plans;

	private final Commodities commodities;

	private final Countries countries;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	ProposalDrafting(JdbcClient jdbc, TransactionTemplate transaction, FoodBalanceFacts balances,
			ReleaseDrafts releases, ReservesSituation reserves, Hubs hubs, ObjectProvider<OfferSource> offerSource,
			ResponsePlans plans, Commodities commodities, Countries countries, AuditTrail audit,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.balances = balances;
		this.releases = releases;
		this.reserves = reserves;
		this.hubs = hubs;
		this.offerSource = offerSource;
		this.plans = plans;
		this.commodities = commodities;
		this.countries = countries;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** Drafts the proposal an alert calls for; empty when it calls for none (or one exists with its plan). */
	Optional<Long> draft(PriceAlertRaised alert, boolean demo) {
		Optional<Commodity> commodity = commodities.find(alert.commodity()).filter(c -> c.kind() == CommodityKind.COMMODITY);
		if (!RESPONSE_BANDS.contains(alert.band()) || commodity.isEmpty() || countries.find(alert.country()).isEmpty()) {
			return Optional.empty();
		}
		String code = commodity.get().code();
		LocalDate today = LocalDate.now(clock);
		LocalDate needBy = today.plusDays(NEED_IN_DAYS);
		Situation situation = situation(alert.country(), code, today, needBy);
		int tier = "CRISIS".equals(alert.band()) ? 3 : 2;
		Long id = transaction.execute(status -> write(alert, code, situation, tier, needBy, demo));
		if (id == null) {
			// Drafted before: a proposal left without its plan by a crash gets it now.
			id = jdbc.sql("""
					SELECT id FROM response.proposal WHERE country_iso3 = :c AND commodity_code = :k AND alert_month = :m
					  AND plan_id IS NULL AND status = 'DRAFTED'
					""").param("c", alert.country()).param("k", code).param("m", Date.valueOf(alert.month().atDay(1)))
				.query(Long.class).optional().orElse(null);
			if (id == null) {
				return Optional.empty();
			}
		}
		plan(id);
		return Optional.of(id);
	}

	private Long write(PriceAlertRaised alert, String code, Situation situation, int tier, LocalDate needBy,
			boolean demo) {
		if (jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM response.proposal WHERE country_iso3 = :c AND commodity_code = :k
				               AND (status = 'DRAFTED' OR created_at > :since))
				""").param("c", alert.country()).param("k", code)
			.param("since", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(QUIET_DAYS))))
			.query(Boolean.class).single()) {
			return null;
		}
		BigDecimal tonnes = situation.suggestedTonnes();
		FoodBalanceFacts.LatestRatio balance = situation.balance();
		Optional<Long> inserted = jdbc.sql("""
				INSERT INTO response.proposal (country_iso3, commodity_code, alert_month, alert_indicator, alert_band,
				    alert_series, balance_year, self_sufficiency, import_dependency, monthly_use_t, reserve_code,
				    reserve_stock_t, reserve_pledged_t, offered_t, offers, suggested_tonnes, suggested_tier, need_by,
				    created_at, demo)
				VALUES (:country, :commodity, :month, :indicator, :band, :series, :year, :ssr, :idr, :use, :reserve,
				        :stock, :pledged, :offered, CAST(:offers AS jsonb), :tonnes, :tier, :needBy, :at, :demo)
				ON CONFLICT (country_iso3, commodity_code, alert_month) DO NOTHING
				RETURNING id
				""")
			.param("country", alert.country()).param("commodity", code)
			.param("month", Date.valueOf(alert.month().atDay(1))).param("indicator", alert.indicator())
			.param("band", alert.band()).param("series", alert.series())
			.param("year", balance == null ? null : balance.year())
			.param("ssr", balance == null ? null : balance.selfSufficiency())
			.param("idr", balance == null ? null : balance.importDependency())
			.param("use", situation.monthlyUse()).param("reserve", situation.reserve())
			.param("stock", situation.reserveStock()).param("pledged", situation.pledged())
			.param("offered", situation.offered()).param("offers", json.writeValueAsString(situation.offers()))
			.param("tonnes", tonnes).param("tier", tier).param("needBy", Date.valueOf(needBy))
			.param("at", Timestamp.from(clock.instant())).param("demo", demo)
			.query(Long.class).optional();
		if (inserted.isEmpty()) {
			return null;
		}
		long id = inserted.get();
		String justification = "Drafted by the platform for response proposal " + id + ": prices of "
				+ commodities.get(code).names().en() + " in " + countries.get(alert.country()).names().en()
				+ " entered the " + alert.band() + " band (" + alert.indicator() + ", " + alert.month()
				+ "). Review the tonnes, tier and need-by date, then submit.";
		releases.draft(alert.country(), code, tonnes, needBy, tier, justification)
			.ifPresent(draft -> jdbc.sql("UPDATE response.proposal SET release_request_id = :r WHERE id = :id")
				.param("r", draft.id()).param("id", id).update());
		audit.record("response.proposal-drafted", "response-proposal", id, null, Map.of("country", alert.country(),
				"commodity", code, "band", alert.band(), "tonnes", tonnes, "tier", tier));
		events.publishEvent(new ProposalDrafted(id, alert.country(), code, alert.band()));
		return id;
	}

	/** What the proposal is drafted from, read through each module's public facade. */
	Situation situation(String iso3, String code, LocalDate today, LocalDate needBy) {
		FoodBalanceFacts.LatestRatio balance = balances.latestRatios(iso3).stream()
			.filter(r -> r.commodity().equals(code)).findFirst().orElse(null);
		String reserve = releases.reserveOf(iso3).orElse(null);
		BigDecimal stock = reserves.stock().stream().filter(r -> r.code().equals(reserve)).findFirst()
			.map(r -> r.tonnes().getOrDefault(code, BigDecimal.ZERO)).orElse(BigDecimal.ZERO);
		BigDecimal pledged = reserve == null ? BigDecimal.ZERO
				: reserves.pledgedTonnes().getOrDefault(reserve, Map.of()).getOrDefault(code, BigDecimal.ZERO);
		OfferSource source = offerSource.getIfAvailable();
		List<OfferSource.SuppliableOffer> offers = source == null ? List.of()
				: source.suppliableTo(code, iso3, today, needBy);
		return new Situation(balance, reserve, stock, pledged, offers);
	}

	/**
	 * The release request asks the reserve for what the plan ships from its hubs (the rest is bought through IFPA):
	 * a request the reserve cannot serve in time helps no one. Left as drafted when the plan ships nothing from the
	 * hubs (the reserve may yet be stocked, or its pledges called).
	 */
	private void fitRequestToPlan(Long request, long plan) {
		if (request == null) {
			return;
		}
		ResponsePlans.Outcome outcome = plans.outcomes(List.of(plan)).get(plan);
		BigDecimal fromHubs = outcome == null ? BigDecimal.ZERO : outcome.reserveTonnes();
		ReleaseDrafts.Standing standing = releases.standing(List.of(request)).get(request);
		if (fromHubs.signum() > 0 && standing != null && "DRAFT".equals(standing.status())
				&& fromHubs.compareTo(standing.tonnes()) != 0) {
			releases.revise(request, fromHubs, standing.tier(), standing.payment(), standing.needBy());
		}
	}

	/**
	 * Solves the proposal's plan (outside any transaction) and attaches it. A plan that cannot be made (the member
	 * has no delivery point in the transport network yet) leaves the proposal without one, said on its page.
	 */
	void plan(long id) {
		Map<String, Object> p = jdbc.sql("""
				SELECT country_iso3, commodity_code, suggested_tonnes, need_by, suggested_tier, release_request_id,
				       reserve_code
				FROM response.proposal WHERE id = :id
				""").param("id", id).query().singleRow();
		String reserve = (String) p.get("reserve_code");
		List<String> fromHubs = hubs.all().stream().filter(h -> reserve != null && reserve.equals(h.reserve()))
			.map(Hubs.Hub::code).toList();
		try {
			long plan = plans.planFor(new ResponsePlans.Need(((String) p.get("country_iso3")).strip(),
					(String) p.get("commodity_code"), (BigDecimal) p.get("suggested_tonnes"),
					((Date) p.get("need_by")).toLocalDate(), ((Number) p.get("suggested_tier")).intValue(),
					(Long) p.get("release_request_id"), fromHubs, "Response proposal " + id));
			jdbc.sql("UPDATE response.proposal SET plan_id = :plan WHERE id = :id").param("plan", plan)
				.param("id", id).update();
			fitRequestToPlan((Long) p.get("release_request_id"), plan);
		}
		catch (RuntimeException ex) {
			log.warn("Response proposal {}: no allocation plan ({})", id, ex.getMessage());
		}
	}

}
