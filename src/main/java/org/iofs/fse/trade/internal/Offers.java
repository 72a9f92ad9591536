package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.iofs.fse.trade.OfferTaken;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's offers to sell and requests to buy. A company's members draft them; a verified company publishes
 * them; another verified company takes tonnes from them. Taking is one statement that checks and lowers the open
 * tonnes under the row's lock, so concurrent takers never take more than is open: the last tonnes go to one of them
 * and the others are told the offer no longer holds them.
 */
@Service
public class Offers {

	public enum Side {
		SELL, BUY
	}

	/** Statuses in which an offer is on the board. */
	static final Set<String> OPEN = Set.of("PUBLISHED", "PARTLY_TAKEN");

	public record Offer(long id, String side, UUID company, String commodity, String hsCode, String grade,
			String specification, BigDecimal quantityTonnes, BigDecimal openTonnes, BigDecimal minOrderTonnes,
			BigDecimal pricePerTonne, String currency, String incoterm, String incotermPlace, String origin,
			LocalDate deliveryFrom, LocalDate deliveryUntil, LocalDate validUntil, String status, Instant publishedAt,
			Long certificate, boolean demo) {

		/** The offer with other open tonnes and status, as a take leaves it. */
		Offer withOpen(BigDecimal open, String newStatus) {
			return new Offer(id, side, company, commodity, hsCode, grade, specification, quantityTonnes, open,
					minOrderTonnes, pricePerTonne, currency, incoterm, incotermPlace, origin, deliveryFrom,
					deliveryUntil, validUntil, newStatus, publishedAt, certificate, demo);
		}

	}

	/** An offer or a request as drafted. {@code company} may be left out by a member of exactly one company. */
	public record Draft(String side, UUID company, String commodity, String hsCode, String grade, String specification,
			BigDecimal quantityTonnes, BigDecimal minOrderTonnes, BigDecimal pricePerTonne, String currency,
			String incoterm, String incotermPlace, String origin, LocalDate deliveryFrom, LocalDate deliveryUntil,
			LocalDate validUntil, Long certificate) {
	}

	/** Tonnes taken from an offer by a company (the buyer of an offer to sell, the seller of a request to buy). */
	public record Take(UUID company, BigDecimal tonnes) {
	}

	public record Taken(long id, long offer, UUID company, BigDecimal tonnes, BigDecimal pricePerTonne,
			String currency, BigDecimal openTonnesLeft, String offerStatus) {
	}

	/** Board filters; null means any. */
	public record BoardFilter(String side, String commodity, String origin, String incoterm, String companyCountry,
			String query) {

		public BoardFilter(String side, String commodity, String origin, String incoterm) {
			this(side, commodity, origin, incoterm, null, null);
		}

		public BoardFilter(String side, String commodity, String origin, String incoterm, String companyCountry) {
			this(side, commodity, origin, incoterm, companyCountry, null);
		}

	}

	static final String SELECT = """
			SELECT id, side, company_id, commodity_code, hs_code, grade, specification, quantity_tonnes, open_tonnes,
			       min_order_tonnes, price_per_tonne, currency, incoterm, incoterm_place, origin_iso3, delivery_from,
			       delivery_until, valid_until, status, published_at, certificate_id, demo
			FROM trade.offer
			""";

	static final RowMapper<Offer> OFFER = (rs, row) -> new Offer(rs.getLong("id"), rs.getString("side"),
			rs.getObject("company_id", UUID.class), rs.getString("commodity_code"), rs.getString("hs_code"),
			rs.getString("grade"), rs.getString("specification"), rs.getBigDecimal("quantity_tonnes"),
			rs.getBigDecimal("open_tonnes"), rs.getBigDecimal("min_order_tonnes"), rs.getBigDecimal("price_per_tonne"),
			rs.getString("currency"), rs.getString("incoterm"), rs.getString("incoterm_place"),
			rs.getString("origin_iso3"), rs.getDate("delivery_from").toLocalDate(),
			rs.getDate("delivery_until").toLocalDate(), rs.getDate("valid_until").toLocalDate(), rs.getString("status"),
			rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
			(Long) rs.getObject("certificate_id"), rs.getBoolean("demo"));

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Companies companies;

	private final Commodities commodities;

	private final BoardAnswers board;

	private final Countries countries;

	private final Clock clock;

	private final HalalCertificates certificates;

	private final ActingCompany acting;

	private final ApplicationEventPublisher events;

	Offers(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Companies companies, Commodities commodities,
			Countries countries, HalalCertificates certificates, ActingCompany acting, BoardAnswers board, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.board = board;
		this.certificates = certificates;
		this.acting = acting;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.companies = companies;
		this.commodities = commodities;
		this.countries = countries;
		this.clock = clock;
	}

	/** A company's members draft an offer or a request; it is on the board once published. */
	@Transactional
	public Offer draft(Draft draft) {
		Caller caller = acting.signedIn();
		UUID company = acting.of(caller, draft.company());
		return insert(draft, company, caller.username());
	}

	/**
	 * A reserve's rotation sale, published at once for the reserve's IFPA trading desk (a verified company): the
	 * reserves' rotation module checks that its caller operates the hub; the offer follows every rule of the board.
	 */
	@Transactional
	public Offer publishForReserve(Draft draft, String publishedBy) {
		companies.requireVerified(draft.company());
		Offer offer = insert(draft, draft.company(), publishedBy);
		move(offer, Set.of("DRAFT"), "PUBLISHED");
		return load(offer.id());
	}

	private Offer insert(Draft draft, UUID company, String by) {
		companies.find(company).orElseThrow(() -> new InvalidInputException("company", "has not applied to IFPA"));
		String side = Arrays.stream(Side.values()).map(Enum::name)
			.filter(s -> s.equalsIgnoreCase(Objects.toString(draft.side(), "")))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("side", "must be SELL or BUY"));
		Commodity commodity = commodities.tradable(Texts.required(draft.commodity(), "commodity"), "commodity");
		String hsCode = draft.hsCode() == null || draft.hsCode().isBlank()
				? Objects.toString(commodity.hs2022Heading(), "") : draft.hsCode().strip();
		if (!hsCode.matches("[0-9]{4}([0-9]{2}){0,2}")) {
			throw new InvalidInputException("hsCode", "must be an HS heading or subheading of 4, 6 or 8 digits");
		}
		BigDecimal quantity = Amounts.tonnes(draft.quantityTonnes(), "quantityTonnes");
		BigDecimal minOrder = draft.minOrderTonnes() == null ? quantity
				: Amounts.tonnes(draft.minOrderTonnes(), "minOrderTonnes");
		if (minOrder.compareTo(quantity) > 0) {
			throw new InvalidInputException("minOrderTonnes", "may not exceed the quantity");
		}
		Incoterm incoterm = Incoterm.parse(draft.incoterm());
		LocalDate today = LocalDate.now(clock);
		Incoterm.checkWindow(draft.deliveryFrom(), draft.deliveryUntil(), today);
		LocalDate validUntil = draft.validUntil() == null ? today.plusDays(30) : draft.validUntil();
		if (validUntil.isBefore(today)) {
			throw new InvalidInputException("validUntil", "is in the past");
		}
		String origin = draft.origin() == null || draft.origin().isBlank() ? null
				: countries.find(draft.origin().strip()).orElseThrow(() -> new InvalidInputException("origin",
						"must be the ISO3 code of an OIC member state")).iso3();
		long id = jdbc.sql("""
				INSERT INTO trade.offer (side, company_id, commodity_code, hs_code, grade, specification, quantity_tonnes,
				    open_tonnes, min_order_tonnes, price_per_tonne, currency, incoterm, incoterm_place, origin_iso3,
				    delivery_from, delivery_until, valid_until, created_by, certificate_id)
				VALUES (:side, :company, :commodity, :hs, :grade, :spec, :quantity, :quantity, :minOrder, :price,
				    :currency, :incoterm, :place, :origin, :from, :until, :validUntil, :by, :certificate)
				RETURNING id
				""")
			.param("side", side)
			.param("company", company)
			.param("commodity", commodity.code())
			.param("hs", hsCode)
			.param("grade", Texts.bounded(Objects.toString(draft.grade(), "").strip(), 100, "grade"))
			.param("spec", Texts.bounded(Objects.toString(draft.specification(), "").strip(), 2000, "specification"))
			.param("quantity", quantity)
			.param("minOrder", minOrder)
			.param("price", Amounts.price(draft.pricePerTonne(), "pricePerTonne"))
			.param("currency", Amounts.currency(draft.currency()))
			.param("incoterm", incoterm.name())
			.param("place", Texts.name(draft.incotermPlace(), "incotermPlace"))
			.param("origin", origin)
			.param("from", Date.valueOf(draft.deliveryFrom()))
			.param("until", Date.valueOf(draft.deliveryUntil()))
			.param("validUntil", Date.valueOf(validUntil))
			.param("by", by)
			.param("certificate", draft.certificate() == null ? null
					: certificates.requireCovering(draft.certificate(), company, hsCode, draft.deliveryUntil()))
			.query(Long.class)
			.single();
		Offer offer = load(id);
		audit.record("trade.offer-drafted", "offer", id, null, offer);
		return offer;
	}

	/** A verified company puts its draft on the board, while its delivery window and validity are still ahead. */
	@Transactional
	public Offer publish(long id) {
		acting.signedIn();
		Offer offer = get(id);
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(offer.company()));
		companies.requireVerified(offer.company());
		LocalDate today = LocalDate.now(clock);
		if (offer.validUntil().isBefore(today) || offer.deliveryUntil().isBefore(today)) {
			throw new ConflictException("OFFER_OUT_OF_DATE", "Offer " + id + " is valid until " + offer.validUntil()
					+ " and delivers until " + offer.deliveryUntil() + "; draft a new one");
		}
		move(offer, Set.of("DRAFT"), "PUBLISHED");
		return load(id);
	}

	@Transactional
	public Offer withdraw(long id) {
		acting.signedIn();
		Offer offer = get(id);
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(offer.company()));
		move(offer, Set.of("DRAFT", "PUBLISHED", "PARTLY_TAKEN"), "WITHDRAWN");
		return load(id);
	}

	/**
	 * A verified company takes tonnes from another company's open offer, at least the minimum order (or all that is
	 * open). One statement checks and lowers the open tonnes while it holds the row's lock.
	 */
	@Transactional
	public Taken take(long id, Take take) {
		Caller caller = acting.signedIn();
		UUID taker = acting.of(caller, take.company());
		Offer offer = load(id);
		if (!offer.status().equals("PUBLISHED") && !offer.status().equals("PARTLY_TAKEN") && !mayRead(caller, offer)) {
			throw new NotFoundException("offer", Long.toString(id));
		}
		if (taker.equals(offer.company())) {
			throw new InvalidInputException("company", "may not take its own offer");
		}
		companies.requireVerified(taker);
		BigDecimal tonnes = Amounts.tonnes(take.tonnes(), "tonnes");
		LocalDate today = LocalDate.now(clock);
		var left = jdbc.sql("""
				UPDATE trade.offer SET open_tonnes = open_tonnes - :tonnes,
				    status = CASE WHEN open_tonnes - :tonnes = 0 THEN 'TAKEN' ELSE 'PARTLY_TAKEN' END
				WHERE id = :id AND status IN ('PUBLISHED', 'PARTLY_TAKEN') AND valid_until >= :today
				  AND open_tonnes >= :tonnes AND (:tonnes >= min_order_tonnes OR :tonnes = open_tonnes)
				RETURNING open_tonnes, status
				""")
			.param("tonnes", tonnes)
			.param("id", id)
			.param("today", Date.valueOf(today))
			.query((rs, row) -> Map.entry(rs.getBigDecimal("open_tonnes"), rs.getString("status")))
			.optional()
			.orElseThrow(() -> refusal(load(id), tonnes, today));
		long takeId = jdbc.sql("""
				INSERT INTO trade.offer_take (offer_id, company_id, tonnes, price_per_tonne, currency, taken_by, taken_at)
				VALUES (:offer, :company, :tonnes, :price, :currency, :by, :at) RETURNING id
				""")
			.param("offer", id)
			.param("company", taker)
			.param("tonnes", tonnes)
			.param("price", offer.pricePerTonne())
			.param("currency", offer.currency())
			.param("by", caller.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Taken taken = new Taken(takeId, id, taker, tonnes, offer.pricePerTonne(), offer.currency(), left.getKey(),
				left.getValue());
		audit.record("trade.offer-taken", "offer", id, Map.of("openTonnes", offer.openTonnes()), taken);
		board.offerTaken(offer, left.getKey(), left.getValue());
		events.publishEvent(new OfferTaken(id, takeId, offer.company(), taker, offer.commodity(), tonnes,
				offer.pricePerTonne(), offer.currency(), left.getKey(), left.getValue()));
		return taken;
	}

	/** One offer: an open one for everyone; a draft, withdrawn or closed one for its company and the Secretariat. */
	@Transactional(readOnly = true)
	public Offer get(long id) {
		Offer offer = load(id);
		if (OPEN.contains(offer.status()) || CurrentCaller.get().map(c -> mayRead(c, offer)).orElse(false)) {
			return offer;
		}
		throw new NotFoundException("offer", Long.toString(id));
	}

	/** The board: open offers (valid today), newest first, filtered. Public. */
	public PageOf<Offer> board(BoardFilter filter, int page, int size) {
		return board.page(filter, page, size);
	}

	/** A company's offers, newest first: its open ones for everyone, all of them for its members and the Secretariat. */
	@Transactional(readOnly = true)
	public List<Offer> ofCompany(UUID company) {
		boolean all = CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(c, Action.ACT_FOR_ORGANISATION, Scope.organisation(company))).orElse(false);
		return jdbc.sql(SELECT + """
				WHERE company_id = :company AND (:all OR (status IN ('PUBLISHED', 'PARTLY_TAKEN') AND valid_until >= :today))
				ORDER BY id DESC LIMIT 200
				""").param("company", company).param("all", all).param("today", Date.valueOf(LocalDate.now(clock)))
			.query(OFFER).list();
	}

	private boolean mayRead(Caller caller, Offer offer) {
		return access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(offer.company()));
	}

	private void move(Offer offer, Set<String> from, String to) {
		// The status it had when moved, read under the row's lock (not as loaded before): the board must know
		// whether the offer was on it.
		String was = jdbc.sql("""
				UPDATE trade.offer o SET status = :to,
				    published_at = CASE WHEN :to = 'PUBLISHED' THEN :now ELSE o.published_at END
				FROM (SELECT id, status FROM trade.offer WHERE id = :id FOR UPDATE) old
				WHERE o.id = old.id AND old.status = ANY (:from)
				RETURNING old.status
				""")
			.param("to", to)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", offer.id())
			.param("from", from.toArray(String[]::new))
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ConflictException("WRONG_STATUS", "Offer " + offer.id() + " is " + offer.status()
					+ "; it moves to " + to + " only from " + from));
		audit.record("trade.offer-" + to.toLowerCase(Locale.ROOT), "offer", offer.id(), Map.of("status", was),
				Map.of("status", to));
		board.offerMoved(offer.withOpen(offer.openTonnes(), was), to);
	}

	/** Why a take was refused, read after the statement that refused it. */
	private static ConflictException refusal(Offer now, BigDecimal tonnes, LocalDate today) {
		if (!OPEN.contains(now.status())) {
			return new ConflictException("OFFER_CLOSED", "Offer " + now.id() + " is " + now.status());
		}
		if (now.validUntil().isBefore(today)) {
			return new ConflictException("OFFER_OUT_OF_DATE", "Offer " + now.id() + " was valid until " + now.validUntil());
		}
		if (now.openTonnes().compareTo(tonnes) < 0) {
			return new ConflictException("INSUFFICIENT_TONNES", "Offer " + now.id() + " holds " + now.openTonnes()
					+ " t open, less than the " + tonnes + " t asked");
		}
		return new ConflictException("BELOW_MINIMUM_ORDER", "Offer " + now.id() + " takes at least "
				+ now.minOrderTonnes() + " t, or all " + now.openTonnes() + " t open");
	}

	/** Offers by id in one read, in id order; for services that filtered them first (matching). */
	List<Offer> byIds(List<Long> ids) {
		return jdbc.sql(SELECT + " WHERE id = ANY (:ids) ORDER BY id").param("ids", ids.toArray(Long[]::new))
			.query(OFFER).list();
	}

	private Offer load(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(OFFER).optional()
			.orElseThrow(() -> new NotFoundException("offer", Long.toString(id)));
	}

}
