package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.allocation.FreightRates;
import org.iofs.fse.allocation.OfferSource;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.GreatCircle;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers for a request to buy or a request for quotation (TRADE-AND-PROJECTS §4.6). Hard filters first: the same
 * commodity (and grade when the buyer names one), enough open tonnes for the buyer's minimum, delivery windows that
 * overlap, the same currency when the buyer prices in one (so that prices compare), a verified seller, an Incoterm
 * that can be carried out (a sea-only rule needs a seaport where it names its port: the origin for FAS and FOB, the
 * destination for CFR and CIF), and a Halal certificate valid on the shipment and arrival dates, covering the
 * product and recognised at the destination. What is left is ranked by landed cost per tonne (the price, plus
 * freight unless the Incoterm includes it: the transport network's cheapest route where one exists, otherwise the
 * demo modes' costs by great-circle distance, from the named place of an E- or F-group rule where the network knows
 * that place, else from the origin's capital), then transit days, then the seller's delivery record, with each
 * figure shown so that the ranking can be read.
 */
@Service
public class Matching {

	/** C- and D-group rules: the seller pays the main carriage, so the price already includes freight. */
	static final Set<String> FREIGHT_INCLUDED = Set.of("CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP");

	/** Sea-only rules that name the port of shipment (in the origin) and of destination. */
	static final Set<String> PORT_OF_SHIPMENT = Set.of("FAS", "FOB");

	static final Set<String> PORT_OF_DESTINATION = Set.of("CFR", "CIF");

	/** E- and F-group rules: the named place is where the buyer takes the goods, so where freight starts. */
	static final Set<String> NAMED_ORIGIN = Set.of("EXW", "FCA", "FAS", "FOB");

	/**
	 * Freight by great-circle distance between capitals where no route is known: road up to 1,500 km (0.07 US$ a
	 * tonne-kilometre, 400 km a day), sea beyond (0.015 US$ a tonne-kilometre plus 20 US$ a tonne in port, 500 km a
	 * day plus four days in port), the planning figures of the demo transport network.
	 */
	record Freight(double usdPerTonne, int transitDays, String mode, String source) {

		static Freight between(double km) {
			if (km <= 1_500) {
				return new Freight(0.07 * km, (int) Math.ceil(km / 400) + 1, "ROAD", "DISTANCE");
			}
			return new Freight(20 + 0.015 * km, (int) Math.ceil(km / 500) + 4, "SEA", "DISTANCE");
		}

		static Freight of(FreightRates.Leg leg) {
			return new Freight(leg.costPerTonne().doubleValue(), leg.transitDays(), leg.mode(), "ROUTE");
		}

	}

	/**
	 * One ranked seller and why: price, freight (its mode, and whether from a route of the transport network or by
	 * distance), landed cost, transit days, the seller's verification date, delivery record (deals delivered or
	 * settled, deals disputed) and trades done on the board, and whether the goods come from an OIC member.
	 */
	public record Match(int rank, long offer, UUID company, BigDecimal pricePerTonne, String currency,
			String incoterm, BigDecimal freightPerTonne, boolean freightIncluded, BigDecimal landedPerTonne,
			int transitDays, String freightMode, String freightSource, java.time.LocalDate verifiedOn,
			int dealsDelivered, int dealsDisputed, int tradesDone, boolean intraOic, BigDecimal openTonnes) {
	}

	/** The matches, and how many candidates the Incoterm and Halal filters set aside, so the reader sees why. */
	public record Result(String kind, long id, String destination, List<Match> matches, int setAsideForIncoterm,
			int setAsideForHalal) {
	}

	/** A candidate that passed the Incoterm filter, with its freight and the Halal check it still has to pass. */
	private record Priced(Offers.Offer offer, Freight freight, HalalCertificates.Checked halal) {
	}

	/** What a buyer needs, from a request to buy or a request for quotation. */
	private record Need(UUID buyer, String commodity, String grade, String hsCode, BigDecimal minTonnes,
			String currency, LocalDate from, LocalDate until, String destination) {
	}

	private final JdbcClient jdbc;

	private final Offers offers;

	private final Rfqs rfqs;

	private final Companies companies;

	private final HalalCertificates certificates;

	private final Countries countries;

	private final FreightRates freightRates;

	private final AccessPolicy access;

	private final Clock clock;

	Matching(JdbcClient jdbc, Offers offers, Rfqs rfqs, Companies companies, HalalCertificates certificates,
			Countries countries, FreightRates freightRates, AccessPolicy access, Clock clock) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.rfqs = rfqs;
		this.companies = companies;
		this.certificates = certificates;
		this.countries = countries;
		this.freightRates = freightRates;
		this.access = access;
		this.clock = clock;
	}

	/** Ranked sellers for one request to buy; for the requesting company and the Secretariat. */
	@Transactional(readOnly = true)
	public Result forRequest(long requestId) {
		Offers.Offer request = offers.get(requestId);
		requireBuyerOrSecretariat(request.company(), "request", requestId);
		if (!request.side().equals("BUY")) {
			throw new InvalidInputException("request", "is an offer to sell; matching finds sellers for a request to buy");
		}
		String destination = companies.find(request.company()).orElseThrow().country();
		return rank("REQUEST", requestId, new Need(request.company(), request.commodity(), request.grade(),
				request.hsCode(), request.minOrderTonnes(), request.currency(), request.deliveryFrom(),
				request.deliveryUntil(), destination));
	}

	/**
	 * Ranked sellers on the board for one request for quotation, for its buyer and the Secretariat: whom to invite,
	 * or what the quotes compare with. A request for quotation names no currency, so offers in every currency are
	 * ranked, each against the others of its currency.
	 */
	@Transactional(readOnly = true)
	public Result forRfq(long rfqId) {
		Rfqs.Rfq rfq = rfqs.view(rfqId).rfq();
		requireBuyerOrSecretariat(rfq.buyer(), "rfq", rfqId);
		return rank("RFQ", rfqId, new Need(rfq.buyer(), rfq.commodity(), rfq.grade(), rfq.hsCode(), BigDecimal.ZERO,
				null, rfq.deliveryFrom(), rfq.deliveryUntil(), rfq.destination()));
	}

	/**
	 * The offers on the board that could serve a destination member within a window, priced in US dollars, with
	 * each one's landed cost and transit days: what the allocation may buy beside the reserves' lots
	 * ({@link IfpaOfferSource}). Read without a caller's scope, as the board's published offers are public; the
	 * certificate is checked against each offer's own HS code.
	 */
	@Transactional(readOnly = true)
	public List<OfferSource.SuppliableOffer> suppliable(String commodity, String destination, LocalDate from,
			LocalDate until) {
		Result result = rank("SUPPLY", 0, new Need(null, commodity, "", null, BigDecimal.ZERO, "USD", from, until,
				destination));
		java.util.Map<Long, Offers.Offer> byId = new java.util.HashMap<>();
		offers.byIds(result.matches().stream().map(Match::offer).toList()).forEach(o -> byId.put(o.id(), o));
		return result.matches().stream().map(m -> {
			Offers.Offer o = byId.get(m.offer());
			return new OfferSource.SuppliableOffer(m.offer(), m.company(), o.origin(), o.incoterm(), o.incotermPlace(),
					o.hsCode(), o.openTonnes(), o.pricePerTonne(), m.landedPerTonne(), m.transitDays(), o.deliveryFrom(),
					o.deliveryUntil());
		}).toList();
	}

	private void requireBuyerOrSecretariat(UUID buyer, String what, long id) {
		boolean allowed = CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(c, Action.ACT_FOR_ORGANISATION, Scope.organisation(buyer))).orElse(false);
		if (!allowed) {
			access.requireOrHide(Action.ACT_FOR_ORGANISATION, Scope.organisation(buyer), what, Long.toString(id));
		}
	}

	private Result rank(String kind, long id, Need need) {
		Country destination = countries.get(need.destination());
		List<Long> candidateIds = jdbc.sql("""
				SELECT o.id FROM trade.offer o JOIN trade.company c ON c.organisation_id = o.company_id
				WHERE o.side = 'SELL' AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN') AND o.valid_until >= :today
				  AND c.kyc_status = 'VERIFIED' AND (CAST(:buyer AS uuid) IS NULL OR o.company_id <> :buyer)
				  AND o.commodity_code = :commodity AND (:grade = '' OR o.grade = :grade)
				  AND o.open_tonnes >= :minTonnes AND (CAST(:currency AS text) IS NULL OR o.currency = :currency)
				  AND o.delivery_from <= :until AND o.delivery_until >= :from
				ORDER BY o.id LIMIT 2000
				""")
			.param("today", Date.valueOf(LocalDate.now(clock)))
			.param("buyer", need.buyer())
			.param("commodity", need.commodity())
			.param("grade", need.grade())
			.param("minTonnes", need.minTonnes())
			.param("currency", need.currency())
			.param("until", Date.valueOf(need.until()))
			.param("from", Date.valueOf(need.from()))
			.query(Long.class)
			.list();
		List<Offers.Offer> candidates = offers.byIds(candidateIds);
		var sellers = companies.byIds(candidates.stream().map(Offers.Offer::company).toList());
		UUID[] sellerIds = candidates.stream().map(Offers.Offer::company).distinct().toArray(UUID[]::new);
		// The sellers' records, counted once for every candidate.
		java.util.Map<UUID, Integer> tradesBySeller = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT o.company_id, count(*) AS trades FROM trade.offer_take t JOIN trade.offer o ON o.id = t.offer_id
				WHERE o.company_id = ANY (:sellers) GROUP BY o.company_id
				""").param("sellers", sellerIds)
			.query((rs, row) -> tradesBySeller.put(rs.getObject("company_id", UUID.class), rs.getInt("trades")))
			.list();
		java.util.Map<UUID, int[]> dealsBySeller = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT seller_id, count(*) FILTER (WHERE status IN ('DELIVERED', 'SETTLED')) AS delivered,
				       count(*) FILTER (WHERE status IN ('DISPUTED', 'RESOLVED')) AS disputed
				FROM trade.deal WHERE seller_id = ANY (:sellers) GROUP BY seller_id
				""").param("sellers", sellerIds)
			.query((rs, row) -> dealsBySeller.put(rs.getObject("seller_id", UUID.class),
					new int[] { rs.getInt("delivered"), rs.getInt("disputed") }))
			.list();
		java.util.Map<Long, String> originOf = new java.util.HashMap<>();
		candidates.forEach(offer -> originOf.put(offer.id(), offer.origin() != null ? offer.origin()
				: sellers.get(offer.company()).country()));
		var routes = freightRates.cheapestTo(destination.iso3(), java.util.Set.copyOf(originOf.values()));
		// Under E- and F-group rules the named place is where the goods leave from: where the network knows it,
		// the distance is measured from there rather than from the origin's capital.
		var places = freightRates.places(candidates.stream().filter(o -> NAMED_ORIGIN.contains(o.incoterm()))
			.map(Offers.Offer::incotermPlace).toList());
		Set<String> seaports = freightRates.membersWithSeaport();
		List<Priced> priced = new ArrayList<>();
		int setAsideForIncoterm = 0;
		for (Offers.Offer offer : candidates) {
			Country origin = countries.get(originOf.get(offer.id()));
			if (!seaports.isEmpty() && (PORT_OF_SHIPMENT.contains(offer.incoterm()) && !seaports.contains(origin.iso3())
					|| PORT_OF_DESTINATION.contains(offer.incoterm()) && !seaports.contains(destination.iso3()))) {
				setAsideForIncoterm++;
				continue;
			}
			FreightRates.Place place = NAMED_ORIGIN.contains(offer.incoterm()) ? places.get(offer.incotermPlace()) : null;
			Freight freight = routes.containsKey(origin.iso3()) ? Freight.of(routes.get(origin.iso3()))
					: Freight.between(place == null ? km(origin, destination) : km(place, destination));
			LocalDate shipment = offer.deliveryFrom().isAfter(need.from()) ? offer.deliveryFrom() : need.from();
			priced.add(new Priced(offer, freight, offer.certificate() == null ? null
					: new HalalCertificates.Checked(offer.certificate(), need.hsCode() == null ? offer.hsCode()
							: need.hsCode(), shipment, shipment.plusDays(freight.transitDays()))));
		}
		// Every candidate's certificate checked at once: valid on shipment and arrival, covering the product,
		// recognised at the destination.
		Set<HalalCertificates.Checked> halal = certificates.countingAt(destination.iso3(), priced.stream()
			.map(Priced::halal).filter(java.util.Objects::nonNull).toList());
		List<Match> matches = new ArrayList<>();
		int setAsideForHalal = 0;
		for (Priced candidate : priced) {
			Offers.Offer offer = candidate.offer();
			Freight freight = candidate.freight();
			if (candidate.halal() == null || !halal.contains(candidate.halal())) {
				setAsideForHalal++;
				continue;
			}
			boolean included = FREIGHT_INCLUDED.contains(offer.incoterm());
			BigDecimal freightCost = BigDecimal.valueOf(freight.usdPerTonne()).setScale(2, java.math.RoundingMode.HALF_UP);
			BigDecimal landed = included ? offer.pricePerTonne() : offer.pricePerTonne().add(freightCost);
			int[] record = dealsBySeller.getOrDefault(offer.company(), new int[2]);
			matches.add(new Match(0, offer.id(), offer.company(), offer.pricePerTonne(), offer.currency(),
					offer.incoterm(), freightCost, included, landed, freight.transitDays(), freight.mode(),
					freight.source(), sellers.get(offer.company()).verifiedOn(), record[0], record[1],
					tradesBySeller.getOrDefault(offer.company(), 0), true, offer.openTonnes()));
		}
		// Within a currency: cheapest landed first, then fastest, then the better delivery record.
		matches.sort(Comparator.comparing(Match::currency).thenComparing(Match::landedPerTonne)
			.thenComparingInt(Match::transitDays)
			.thenComparing(Comparator.comparingInt((Match m) -> m.dealsDelivered() - m.dealsDisputed()).reversed())
			.thenComparing(Comparator.comparingInt(Match::tradesDone).reversed()));
		List<Match> ranked = new ArrayList<>();
		for (int i = 0; i < matches.size(); i++) {
			Match m = matches.get(i);
			ranked.add(new Match(i + 1, m.offer(), m.company(), m.pricePerTonne(), m.currency(), m.incoterm(),
					m.freightPerTonne(), m.freightIncluded(), m.landedPerTonne(), m.transitDays(), m.freightMode(),
					m.freightSource(), m.verifiedOn(), m.dealsDelivered(), m.dealsDisputed(), m.tradesDone(),
					m.intraOic(), m.openTonnes()));
		}
		return new Result(kind, id, destination.iso3(), ranked, setAsideForIncoterm, setAsideForHalal);
	}

	/** Great-circle distance from a named place to a member's capital, in kilometres. */
	static double km(FreightRates.Place from, Country to) {
		if (to.capital() == null || to.capital().latitude() == null) {
			throw new NotFoundException("capital coordinates", to.iso3());
		}
		return GreatCircle.km(from.latitude().doubleValue(), from.longitude().doubleValue(),
				to.capital().latitude().doubleValue(), to.capital().longitude().doubleValue());
	}

	/** Great-circle distance between two members' capitals, in kilometres. */
	static double km(Country from, Country to) {
		if (from.capital() == null || to.capital() == null || from.capital().latitude() == null
				|| to.capital().latitude() == null) {
			throw new NotFoundException("capital coordinates", from.iso3() + "/" + to.iso3());
		}
		return GreatCircle.km(from.capital().latitude().doubleValue(), from.capital().longitude().doubleValue(),
				to.capital().latitude().doubleValue(), to.capital().longitude().doubleValue());
	}

}
