package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.RecordRowMapper;
import org.iofs.fse.trade.DealSettled;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals: an accepted quote becomes a deal on its terms (quantity, price, Incoterm and place, the request's delivery
 * window and destination, inspection, payment mode). Which step (ship, deliver, settle, dispute, resolve, cancel)
 * who may take from which status is the table {@code trade.deal_transition}; each step is recorded and audited.
 * Buyer, seller and the Secretariat read a deal; nobody else learns it exists. Once settled, each side rates the
 * other once.
 */
@Service
public class Deals {

	public record Deal(long id, long quote, UUID buyer, UUID seller, String commodity, String hsCode, BigDecimal tonnes,
			BigDecimal pricePerTonne, String currency, String incoterm, String incotermPlace, String destination,
			LocalDate deliveryFrom, LocalDate deliveryUntil, String inspection, String paymentMode, String status,
			Instant contractedAt) {
	}

	public record Event(String fromStatus, String toStatus, String actor, String note, Instant at) {
	}

	public record View(Deal deal, List<Event> events, List<DeliverySchedule.Lot> lots) {
	}

	/** What the buyer adds when accepting a quote: payment, inspection and the lots of the delivery schedule. */
	public record Terms(String paymentMode, String inspection, List<DeliverySchedule.Requested> schedule) {

		public Terms(String paymentMode, String inspection) {
			this(paymentMode, inspection, null);
		}

	}

	private static final List<String> PAYMENT_MODES = List.of("OPEN_ACCOUNT", "LETTER_OF_CREDIT",
			"CASH_AGAINST_DOCUMENTS", "ISLAMIC_FINANCE");

	private static final String SELECT = """
			SELECT id, quote_id, buyer_id, seller_id, commodity_code, hs_code, tonnes, price_per_tonne, currency,
			       incoterm, incoterm_place, destination_iso3, delivery_from, delivery_until, inspection, payment_mode,
			       status, contracted_at
			FROM trade.deal
			""";

	private static final RowMapper<Deal> DEAL = (rs, row) -> new Deal(rs.getLong("id"), rs.getLong("quote_id"),
			rs.getObject("buyer_id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("commodity_code"),
			rs.getString("hs_code"), rs.getBigDecimal("tonnes"), rs.getBigDecimal("price_per_tonne"),
			rs.getString("currency"), rs.getString("incoterm"), rs.getString("incoterm_place"),
			rs.getString("destination_iso3"), rs.getDate("delivery_from").toLocalDate(),
			rs.getDate("delivery_until").toLocalDate(), rs.getString("inspection"), rs.getString("payment_mode"),
			rs.getString("status"), rs.getTimestamp("contracted_at").toInstant());

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Deals(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The deal an accepted quote makes; called in the acceptance's transaction. */
	Deal contract(Rfqs.Rfq rfq, Rfqs.Quote quote, Terms terms, Caller caller) {
		String payment = terms == null || terms.paymentMode() == null || terms.paymentMode().isBlank() ? "OPEN_ACCOUNT"
				: terms.paymentMode().strip().toUpperCase(Locale.ROOT);
		if (!PAYMENT_MODES.contains(payment)) {
			throw new InvalidInputException("paymentMode", "must be one of " + PAYMENT_MODES);
		}
		List<DeliverySchedule.Lot> lots = DeliverySchedule.check(terms == null ? null : terms.schedule(),
				quote.tonnes(), rfq.deliveryFrom(), rfq.deliveryUntil());
		long id = jdbc.sql("""
				INSERT INTO trade.deal (quote_id, buyer_id, seller_id, commodity_code, hs_code, tonnes, price_per_tonne,
				    currency, incoterm, incoterm_place, destination_iso3, delivery_from, delivery_until, inspection,
				    payment_mode, contracted_at)
				VALUES (:quote, :buyer, :seller, :commodity, :hs, :tonnes, :price, :currency, :incoterm, :place,
				    :destination, :from, :until, :inspection, :payment, :at)
				RETURNING id
				""")
			.param("quote", quote.id())
			.param("buyer", rfq.buyer())
			.param("seller", quote.seller())
			.param("commodity", rfq.commodity())
			.param("hs", rfq.hsCode())
			.param("tonnes", quote.tonnes())
			.param("price", quote.pricePerTonne())
			.param("currency", quote.currency())
			.param("incoterm", quote.incoterm())
			.param("place", quote.incotermPlace())
			.param("destination", rfq.destination())
			.param("from", Date.valueOf(rfq.deliveryFrom()))
			.param("until", Date.valueOf(rfq.deliveryUntil()))
			.param("inspection", Texts.bounded(terms == null ? "" : Objects.toString(terms.inspection(), "").strip(),
					2000, "inspection"))
			.param("payment", payment)
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		event(id, null, "CONTRACTED", caller, "");
		for (DeliverySchedule.Lot lot : lots) {
			jdbc.sql("INSERT INTO trade.deal_lot (deal_id, lot, tonnes, deliver_by) VALUES (:deal, :lot, :tonnes, :by)")
				.param("deal", id).param("lot", lot.lot()).param("tonnes", lot.tonnes())
				.param("by", Date.valueOf(lot.deliverBy())).update();
		}
		Deal deal = load(id);
		audit.record("trade.deal-contracted", "deal", id, null, Map.of("deal", deal, "lots", lots));
		return deal;
	}

	@Transactional(readOnly = true)
	public View view(long id) {
		Deal deal = readable(id);
		return new View(deal, jdbc.sql("""
				SELECT from_status, to_status, actor, note, at FROM trade.deal_event WHERE deal_id = :id ORDER BY id
				""").param("id", id).query(RecordRowMapper.of(Event.class)).list(), jdbc.sql("""
				SELECT lot, tonnes, deliver_by FROM trade.deal_lot WHERE deal_id = :id ORDER BY lot
				""").param("id", id).query((rs, row) -> new DeliverySchedule.Lot(rs.getInt("lot"),
						rs.getBigDecimal("tonnes"), rs.getDate("deliver_by").toLocalDate())).list());
	}

	/** One step of the deal, if the transition table lets the caller's side take it from the deal's status. */
	@Transactional
	public Deal move(long id, String action, String note) {
		Deal deal = readable(id);
		Caller caller = CurrentCaller.get().orElseThrow();
		TransitionTable.Transition transition = TransitionTable.deals(jdbc).step(id, action, deal.status());
		if (transition.takenBy().equals("SECRETARIAT")) {
			access.require(Action.PUBLISH);
		}
		else if (!mayTake(caller, deal, transition.takenBy())) {
			// A side may not take the other side's step: told as a refusal of its organisation's scope (403).
			access.require(Action.ACT_FOR_ORGANISATION,
					Scope.organisation(transition.takenBy().equals("SELLER") ? deal.seller() : deal.buyer()));
		}
		String to = transition.toStatus();
		int changed = jdbc.sql("""
				UPDATE trade.deal SET status = :to,
				    settled_at = CASE WHEN :to = 'SETTLED' THEN :now ELSE settled_at END
				WHERE id = :id AND status = :from
				""").param("to", to).param("now", Timestamp.from(clock.instant())).param("id", id)
			.param("from", deal.status()).update();
		if (changed == 0) {
			throw new ConflictException("CHANGED_MEANWHILE", "Deal " + id + " changed meanwhile; reload it");
		}
		String text = Texts.bounded(Objects.toString(note, "").strip(), 2000, "note");
		event(id, deal.status(), to, caller, text);
		audit.record("trade.deal-" + to.toLowerCase(Locale.ROOT), "deal", id, Map.of("status", deal.status()),
				Map.of("status", to, "note", text));
		if (to.equals("SETTLED")) {
			events.publishEvent(new DealSettled(id, deal.buyer(), deal.seller(), deal.commodity(), deal.tonnes(),
					deal.destination()));
		}
		return load(id);
	}

	/** After settlement, each side rates the other once (one to five stars). */
	@Transactional
	public Map<String, Object> rate(long id, UUID by, int stars, String comment) {
		Deal deal = readable(id);
		if (by == null) {
			throw new InvalidInputException("company", "is required: the side that rates");
		}
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(by));
		if (!by.equals(deal.buyer()) && !by.equals(deal.seller())) {
			throw new InvalidInputException("company", "is not a side of this deal");
		}
		if (!deal.status().equals("SETTLED")) {
			throw new ConflictException("NOT_SETTLED", "Deal " + id + " is " + deal.status() + "; rate it once settled");
		}
		if (stars < 1 || stars > 5) {
			throw new InvalidInputException("stars", "must be 1 to 5");
		}
		UUID of = by.equals(deal.buyer()) ? deal.seller() : deal.buyer();
		int added = jdbc.sql("""
				INSERT INTO trade.rating (deal_id, by_company, of_company, stars, comment) VALUES (:d, :by, :of, :s, :c)
				ON CONFLICT DO NOTHING
				""").param("d", id).param("by", by).param("of", of).param("s", stars)
			.param("c", Texts.bounded(Objects.toString(comment, "").strip(), 2000, "comment")).update();
		if (added == 0) {
			throw new ConflictException("ALREADY_RATED", "This side has already rated deal " + id);
		}
		Map<String, Object> rating = Map.of("deal", id, "by", by, "of", of, "stars", stars);
		audit.record("trade.deal-rated", "deal", id, null, rating);
		return rating;
	}

	/** The deals the caller may read, newest first: the Secretariat's all, a company's own. */
	@Transactional(readOnly = true)
	public List<Deal> mine(int limit) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)) {
			return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT :limit").param("limit", limit).query(DEAL).list();
		}
		UUID[] mine = ActingCompany.companiesOf(caller, access).toArray(UUID[]::new);
		return jdbc.sql(SELECT + " WHERE buyer_id = ANY (:mine) OR seller_id = ANY (:mine) ORDER BY id DESC LIMIT :limit")
			.param("mine", mine).param("limit", limit).query(DEAL).list();
	}

	/** A member's deals by status, as buyer and as seller: counts and tonnes, never a price or a counterpart. */
	public record CountryDeals(String status, int bought, BigDecimal tonnesBought, int sold, BigDecimal tonnesSold) {
	}

	/**
	 * The deals of a member's companies in aggregate, for its cockpit: public, since they name no company and no
	 * price (a deal's terms stay with its two sides and the Secretariat).
	 */
	@Transactional(readOnly = true)
	public List<CountryDeals> ofCountry(String iso3) {
		return jdbc.sql("""
				SELECT d.status,
				       count(*) FILTER (WHERE b.country_iso3 = :country) AS bought,
				       coalesce(sum(d.tonnes) FILTER (WHERE b.country_iso3 = :country), 0) AS tonnes_bought,
				       count(*) FILTER (WHERE s.country_iso3 = :country) AS sold,
				       coalesce(sum(d.tonnes) FILTER (WHERE s.country_iso3 = :country), 0) AS tonnes_sold
				FROM trade.deal d
				JOIN trade.company b ON b.organisation_id = d.buyer_id
				JOIN trade.company s ON s.organisation_id = d.seller_id
				WHERE b.country_iso3 = :country OR s.country_iso3 = :country
				GROUP BY d.status
				ORDER BY array_position(ARRAY['CONTRACTED', 'SHIPPED', 'DELIVERED', 'SETTLED', 'DISPUTED', 'RESOLVED',
				    'CANCELLED'], d.status)
				""").param("country", iso3)
			.query((rs, row) -> new CountryDeals(rs.getString("status"), rs.getInt("bought"),
					rs.getBigDecimal("tonnes_bought"), rs.getInt("sold"), rs.getBigDecimal("tonnes_sold")))
			.list();
	}

	/** The Secretariat's list of a member's deals, newest first; anyone else gets none (the aggregate is theirs). */
	@Transactional(readOnly = true)
	public List<Deal> ofCountryForSecretariat(String iso3, int limit) {
		if (!CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)).orElse(false)) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				 WHERE buyer_id IN (SELECT organisation_id FROM trade.company WHERE country_iso3 = :country)
				    OR seller_id IN (SELECT organisation_id FROM trade.company WHERE country_iso3 = :country)
				 ORDER BY id DESC LIMIT :limit
				""").param("country", iso3).param("limit", limit).query(DEAL).list();
	}

	/** The steps the caller's side may take on the deal now, from the transition table. */
	@Transactional(readOnly = true)
	public List<String> stepsFor(Deal deal) {
		Caller caller = CurrentCaller.get().orElse(null);
		if (caller == null) {
			return List.of();
		}
		return TransitionTable.deals(jdbc).from(deal.status()).stream()
			.filter(t -> t.takenBy().equals("SECRETARIAT") ? access.allows(caller, Action.PUBLISH, Scope.GLOBAL)
					: mayTake(caller, deal, t.takenBy()))
			.map(TransitionTable.Transition::action)
			.toList();
	}

	private boolean mayTake(Caller caller, Deal deal, String takenBy) {
		boolean buyer = access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(deal.buyer()));
		boolean seller = access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(deal.seller()));
		return switch (takenBy) {
			case "BUYER" -> buyer;
			case "SELLER" -> seller;
			case "EITHER" -> buyer || seller;
			default -> false;
		};
	}

	private Deal readable(long id) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		Deal deal = load(id);
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(deal.buyer()))
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(deal.seller()))) {
			return deal;
		}
		throw new NotFoundException("deal", Long.toString(id));
	}

	private void event(long id, String from, String to, Caller caller, String note) {
		jdbc.sql("INSERT INTO trade.deal_event (deal_id, from_status, to_status, actor, note, at) "
				+ "VALUES (:d, :from, :to, :actor, :note, :at)")
			.param("d", id).param("from", from).param("to", to).param("actor", caller.username()).param("note", note)
			.param("at", Timestamp.from(clock.instant())).update();
	}

	Deal load(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DEAL).optional()
			.orElseThrow(() -> new NotFoundException("deal", Long.toString(id)));
	}

}
