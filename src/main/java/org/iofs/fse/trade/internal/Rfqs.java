package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.trade.QuoteAccepted;
import org.iofs.fse.trade.QuoteSubmitted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for quotation. A verified buyer asks every verified seller of the commodity (named in its application, or
 * offering it on the board), or the sellers it invites; each seller quotes once and may revise once while the request
 * is open; the buyer reads every quote side by side and accepts one, and the others are marked not chosen. A seller reads the request and its own quote, never a
 * competitor's; the Secretariat reads everything. Each step is audited.
 */
@Service
public class Rfqs {

	public record Rfq(long id, UUID buyer, String commodity, String hsCode, String grade, String specification,
			BigDecimal tonnes, String incoterm, String incotermPlace, String destination, LocalDate deliveryFrom,
			LocalDate deliveryUntil, LocalDate respondBy, List<UUID> invited, String status) {
	}

	public record NewRfq(UUID buyer, String commodity, String hsCode, String grade, String specification,
			BigDecimal tonnes, String incoterm, String incotermPlace, String destination, LocalDate deliveryFrom,
			LocalDate deliveryUntil, LocalDate respondBy, List<UUID> invited) {
	}

	public record Quote(long id, long rfq, UUID seller, BigDecimal tonnes, BigDecimal pricePerTonne, String currency,
			String incoterm, String incotermPlace, LocalDate validUntil, String note, int revision, String status) {
	}

	public record NewQuote(UUID seller, BigDecimal tonnes, BigDecimal pricePerTonne, String currency, String incoterm,
			String incotermPlace, LocalDate validUntil, String note) {
	}

	/** A request with the quotes the reader may see: all for its buyer and the Secretariat, a seller's own otherwise. */
	public record View(Rfq rfq, List<Quote> quotes) {
	}

	private static final String RFQ_COLUMNS = """
			SELECT id, buyer_id, commodity_code, hs_code, grade, specification, tonnes, incoterm, incoterm_place,
			       destination_iso3, delivery_from, delivery_until, respond_by, invited, status
			FROM trade.rfq
			""";

	private static final RowMapper<Rfq> RFQ = (rs, row) -> new Rfq(rs.getLong("id"), rs.getObject("buyer_id", UUID.class),
			rs.getString("commodity_code"), rs.getString("hs_code"), rs.getString("grade"), rs.getString("specification"),
			rs.getBigDecimal("tonnes"), rs.getString("incoterm"), rs.getString("incoterm_place"),
			rs.getString("destination_iso3"), rs.getDate("delivery_from").toLocalDate(),
			rs.getDate("delivery_until").toLocalDate(), rs.getDate("respond_by").toLocalDate(),
			List.of((UUID[]) rs.getArray("invited").getArray()), rs.getString("status"));

	private static final String QUOTE_COLUMNS = """
			SELECT id, rfq_id, seller_id, tonnes, price_per_tonne, currency, incoterm, incoterm_place, valid_until, note,
			       revision, status
			FROM trade.quote
			""";

	private static final RowMapper<Quote> QUOTE = (rs, row) -> new Quote(rs.getLong("id"), rs.getLong("rfq_id"),
			rs.getObject("seller_id", UUID.class), rs.getBigDecimal("tonnes"), rs.getBigDecimal("price_per_tonne"),
			rs.getString("currency"), rs.getString("incoterm"), rs.getString("incoterm_place"),
			rs.getDate("valid_until").toLocalDate(), rs.getString("note"), rs.getInt("revision"), rs.getString("status"));

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Companies companies;

	private final Commodities commodities;

	private final Countries countries;

	private final Clock clock;

	private final Deals deals;

	private final ActingCompany acting;

	private final ApplicationEventPublisher events;

	Rfqs(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Companies companies, Commodities commodities,
			Countries countries, Deals deals, ActingCompany acting, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.acting = acting;
		this.deals = deals;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.companies = companies;
		this.commodities = commodities;
		this.countries = countries;
		this.clock = clock;
	}

	@Transactional
	public Rfq create(NewRfq given) {
		Caller caller = signedIn();
		UUID buyer = acting.of(caller, given.buyer());
		companies.requireVerified(buyer);
		Commodity commodity = commodities.tradable(Texts.required(given.commodity(), "commodity"), "commodity");
		String hs = given.hsCode() == null || given.hsCode().isBlank() ? Objects.toString(commodity.hs2022Heading(), "")
				: given.hsCode().strip();
		if (!hs.matches("[0-9]{4}([0-9]{2}){0,2}")) {
			throw new InvalidInputException("hsCode", "must be an HS heading or subheading of 4, 6 or 8 digits");
		}
		LocalDate today = LocalDate.now(clock);
		Incoterm.checkWindow(given.deliveryFrom(), given.deliveryUntil(), today);
		if (given.respondBy() == null || given.respondBy().isBefore(today)) {
			throw new InvalidInputException("respondBy", "is required and may not be in the past");
		}
		List<UUID> invited = given.invited() == null ? List.of() : given.invited().stream().distinct().toList();
		for (UUID seller : invited) {
			if (companies.find(seller).filter(Companies.Company::verified).isEmpty()) {
				throw new InvalidInputException("invited", seller + " is not a verified company");
			}
		}
		long id = jdbc.sql("""
				INSERT INTO trade.rfq (buyer_id, commodity_code, hs_code, grade, specification, tonnes, incoterm,
				    incoterm_place, destination_iso3, delivery_from, delivery_until, respond_by, invited, created_by)
				VALUES (:buyer, :commodity, :hs, :grade, :spec, :tonnes, :incoterm, :place, :destination, :from, :until,
				    :respondBy, :invited, :by)
				RETURNING id
				""")
			.param("buyer", buyer)
			.param("commodity", commodity.code())
			.param("hs", hs)
			.param("grade", Texts.bounded(Objects.toString(given.grade(), "").strip(), 100, "grade"))
			.param("spec", Texts.bounded(Objects.toString(given.specification(), "").strip(), 2000, "specification"))
			.param("tonnes", Amounts.tonnes(given.tonnes(), "tonnes"))
			.param("incoterm", incoterm(given.incoterm()))
			.param("place", Texts.name(given.incotermPlace(), "incotermPlace"))
			.param("destination", countries.find(Texts.required(given.destination(), "destination"))
				.orElseThrow(() -> new InvalidInputException("destination", "must be the ISO3 code of an OIC member state"))
				.iso3())
			.param("from", Date.valueOf(given.deliveryFrom()))
			.param("until", Date.valueOf(given.deliveryUntil()))
			.param("respondBy", Date.valueOf(given.respondBy()))
			.param("invited", invited.toArray(UUID[]::new))
			.param("by", caller.username())
			.query(Long.class)
			.single();
		Rfq rfq = load(id);
		audit.record("trade.rfq-created", "rfq", id, null, rfq);
		return rfq;
	}

	/** A seller the request reaches quotes (once; one revision after); never on a closed request. */
	@Transactional
	public Quote quote(long rfqId, NewQuote given) {
		Caller caller = signedIn();
		UUID seller = acting.of(caller, given.seller());
		Rfq rfq = readable(rfqId);
		if (!rfq.status().equals("OPEN") || rfq.respondBy().isBefore(LocalDate.now(clock))) {
			throw new ConflictException("RFQ_CLOSED", "Request for quotation " + rfqId + " is " + rfq.status()
					+ " and answers until " + rfq.respondBy());
		}
		if (seller.equals(rfq.buyer())) {
			throw new InvalidInputException("seller", "may not quote on its own request");
		}
		companies.requireVerified(seller);
		if (!reaches(rfq, seller)) {
			throw new NotFoundException("request for quotation", Long.toString(rfqId));
		}
		LocalDate validUntil = given.validUntil() == null ? rfq.respondBy() : given.validUntil();
		if (validUntil.isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException("validUntil", "is in the past");
		}
		var existing = jdbc.sql(QUOTE_COLUMNS + " WHERE rfq_id = :rfq AND seller_id = :seller").param("rfq", rfqId)
			.param("seller", seller).query(QUOTE).optional();
		if (existing.isPresent() && existing.get().revision() >= 1) {
			throw new ConflictException("ALREADY_REVISED", "Quote " + existing.get().id() + " was already revised once");
		}
		Map<String, Object> values = Map.of("tonnes", Amounts.tonnes(given.tonnes(), "tonnes"), "price",
				Amounts.price(given.pricePerTonne(), "pricePerTonne"), "currency", Amounts.currency(given.currency()),
				"incoterm", incoterm(given.incoterm()), "place", Texts.name(given.incotermPlace(), "incotermPlace"),
				"validUntil", Date.valueOf(validUntil), "note",
				Texts.bounded(Objects.toString(given.note(), "").strip(), 2000, "note"));
		long id = jdbc.sql("""
				INSERT INTO trade.quote (rfq_id, seller_id, tonnes, price_per_tonne, currency, incoterm, incoterm_place,
				    valid_until, note, quoted_by, quoted_at)
				VALUES (:rfq, :seller, :tonnes, :price, :currency, :incoterm, :place, :validUntil, :note, :by, :at)
				ON CONFLICT (rfq_id, seller_id) DO UPDATE SET tonnes = EXCLUDED.tonnes,
				    price_per_tonne = EXCLUDED.price_per_tonne, currency = EXCLUDED.currency, incoterm = EXCLUDED.incoterm,
				    incoterm_place = EXCLUDED.incoterm_place, valid_until = EXCLUDED.valid_until, note = EXCLUDED.note,
				    quoted_at = EXCLUDED.quoted_at, revision = trade.quote.revision + 1
				RETURNING id
				""")
			.params(values)
			.param("rfq", rfqId)
			.param("seller", seller)
			.param("by", caller.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Quote quote = quoteOf(id);
		audit.record(existing.isPresent() ? "trade.quote-revised" : "trade.quote-submitted", "quote", id,
				existing.orElse(null), quote);
		events.publishEvent(new QuoteSubmitted(rfqId, id, quote.revision(), rfq.buyer(), seller, nameOf(seller),
				commodityName(rfq.commodity()), quote.tonnes(), quote.pricePerTonne(), quote.currency()));
		return quote;
	}

	/** An accepted quote and the deal it made. */
	public record Accepted(Quote quote, Deals.Deal deal) {
	}

	/**
	 * The buyer accepts one quote: every other quote of the request is marked not chosen, the request awarded, and
	 * a deal made on the quote's terms.
	 */
	@Transactional
	public Accepted accept(long quoteId, Deals.Terms terms) {
		signedIn();
		Quote quote = quoteOf(quoteId);
		Rfq rfq = load(quote.rfq());
		Caller caller = actFor(rfq.buyer());
		if (!quote.status().equals("QUOTED")) {
			throw new ConflictException("WRONG_STATUS", "Quote " + quoteId + " is " + quote.status());
		}
		if (quote.validUntil().isBefore(LocalDate.now(clock))) {
			throw new ConflictException("QUOTE_EXPIRED", "Quote " + quoteId + " was valid until " + quote.validUntil());
		}
		int awarded = jdbc.sql("UPDATE trade.rfq SET status = 'AWARDED' WHERE id = :id AND status = 'OPEN'")
			.param("id", rfq.id()).update();
		if (awarded == 0) {
			throw new ConflictException("RFQ_CLOSED", "Request for quotation " + rfq.id() + " is " + rfq.status());
		}
		List<UUID> notChosen = jdbc.sql("""
				UPDATE trade.quote SET status = CASE WHEN id = :id THEN 'ACCEPTED' ELSE 'NOT_CHOSEN' END
				WHERE rfq_id = :rfq AND status = 'QUOTED'
				RETURNING seller_id, status
				""").param("id", quoteId).param("rfq", rfq.id())
			.query((rs, row) -> rs.getString("status").equals("NOT_CHOSEN") ? rs.getObject("seller_id", UUID.class) : null)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
		audit.record("trade.quote-accepted", "quote", quoteId, Map.of("status", quote.status()),
				Map.of("status", "ACCEPTED", "rfq", rfq.id()));
		Quote accepted = quoteOf(quoteId);
		Deals.Deal deal = deals.contract(rfq, accepted, terms, caller);
		events.publishEvent(new QuoteAccepted(rfq.id(), quoteId, deal.id(), rfq.buyer(), accepted.seller(), notChosen,
				nameOf(rfq.buyer()), commodityName(rfq.commodity())));
		return new Accepted(accepted, deal);
	}

	/** A request and the quotes the reader may see. */
	@Transactional(readOnly = true)
	public View view(long rfqId) {
		Rfq rfq = readable(rfqId);
		Caller caller = CurrentCaller.get().orElseThrow();
		boolean all = access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(rfq.buyer()));
		List<Quote> quotes = jdbc.sql(QUOTE_COLUMNS + " WHERE rfq_id = :rfq ORDER BY price_per_tonne, id")
			.param("rfq", rfqId)
			.query(QUOTE)
			.list()
			.stream()
			.filter(q -> all || access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(q.seller())))
			.toList();
		return new View(rfq, quotes);
	}

	/**
	 * The requests the caller may read, newest first: the Secretariat's all; a company's own, those that invite it,
	 * and the open ones that invite nobody (they reach every verified seller).
	 */
	@Transactional(readOnly = true)
	public List<Rfq> mine(int limit) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)) {
			return jdbc.sql(RFQ_COLUMNS + " ORDER BY id DESC LIMIT :limit").param("limit", limit).query(RFQ).list();
		}
		UUID[] mine = ActingCompany.companiesOf(caller, access).toArray(UUID[]::new);
		if (mine.length == 0) {
			return List.of();
		}
		return jdbc.sql(RFQ_COLUMNS + """
				WHERE buyer_id = ANY (:mine) OR invited && :mine
				   OR (cardinality(invited) = 0 AND status = 'OPEN' AND EXISTS (
				       SELECT 1 FROM trade.company c WHERE c.organisation_id = ANY (:mine) AND c.kyc_status = 'VERIFIED'
				         AND (rfq.commodity_code = ANY (c.commodities) OR EXISTS (SELECT 1 FROM trade.offer o
				              WHERE o.company_id = c.organisation_id AND o.commodity_code = rfq.commodity_code
				                AND o.side = 'SELL'))))
				ORDER BY id DESC LIMIT :limit
				""").param("mine", mine).param("limit", limit).query(RFQ).list();
	}

	/**
	 * The quotes the caller may read, newest first: the Secretariat's all; a company's own quotes and the quotes on
	 * its requests (never a competitor's quote on someone else's request).
	 */
	@Transactional(readOnly = true)
	public List<Quote> quotesMine(int limit) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)) {
			return jdbc.sql(QUOTE_COLUMNS + " ORDER BY id DESC LIMIT :limit").param("limit", limit).query(QUOTE).list();
		}
		UUID[] mine = ActingCompany.companiesOf(caller, access).toArray(UUID[]::new);
		return jdbc.sql(QUOTE_COLUMNS + """
				WHERE seller_id = ANY (:mine) OR rfq_id IN (SELECT id FROM trade.rfq WHERE buyer_id = ANY (:mine))
				ORDER BY id DESC LIMIT :limit
				""").param("mine", mine).param("limit", limit).query(QUOTE).list();
	}

	/**
	 * A request is read by its buyer, the Secretariat and the sellers it reaches (invited, or every verified seller
	 * of the commodity when it invites none); anyone else is told it does not exist.
	 */
	private Rfq readable(long rfqId) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		Rfq rfq = load(rfqId);
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(rfq.buyer()))) {
			return rfq;
		}
		boolean seller = ActingCompany.companiesOf(caller, access).stream().anyMatch(company -> reaches(rfq, company));
		if (!seller) {
			throw new NotFoundException("request for quotation", Long.toString(rfqId));
		}
		return rfq;
	}

	private boolean reaches(Rfq rfq, UUID seller) {
		if (!rfq.invited().isEmpty()) {
			return rfq.invited().contains(seller);
		}
		// Open to all: every verified seller of the commodity (named in its application, or on the board with it).
		return companies.find(seller).filter(Companies.Company::verified)
			.filter(c -> c.commodities().contains(rfq.commodity()) || jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM trade.offer WHERE company_id = :seller AND commodity_code = :commodity
					    AND side = 'SELL')
					""").param("seller", seller).param("commodity", rfq.commodity()).query(Boolean.class).single())
			.isPresent();
	}

	private Caller actFor(UUID company) {
		return access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
	}

	private Caller signedIn() {
		return acting.signedIn();
	}

	private LocalizedText nameOf(UUID company) {
		return companies.find(company).map(Companies.Company::legalNames).orElseThrow();
	}

	private LocalizedText commodityName(String code) {
		return commodities.find(code).map(Commodity::names).orElse(new LocalizedText(code, code, code));
	}

	private static String incoterm(String given) {
		return Incoterm.parse(given).name();
	}

	Rfq load(long id) {
		return jdbc.sql(RFQ_COLUMNS + " WHERE id = :id").param("id", id).query(RFQ).optional()
			.orElseThrow(() -> new NotFoundException("request for quotation", Long.toString(id)));
	}

	Quote quoteOf(long id) {
		return jdbc.sql(QUOTE_COLUMNS + " WHERE id = :id").param("id", id).query(QUOTE).optional()
			.orElseThrow(() -> new NotFoundException("quote", Long.toString(id)));
	}

}
