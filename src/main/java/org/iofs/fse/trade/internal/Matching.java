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
import org.iofs.fse.access.Action;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers for a request to buy (TRADE-AND-PROJECTS §4.6). Hard filters first: the same commodity (and grade when
 * the request names one), enough open tonnes for the request's minimum order, delivery windows that overlap, the
 * same currency (so prices compare), a verified seller, and a Halal certificate valid on the shipment and arrival
 * dates, covering the product and recognised at the buyer's country. What is left is ranked by landed cost per
 * tonne (the price, plus freight unless the Incoterm already includes it), then transit days, then the seller's
 * record of trades done on the board, with each figure shown so that the ranking can be read.
 */
@Service
public class Matching {

	/** C- and D-group rules: the seller pays the main carriage, so the price already includes freight. */
	static final Set<String> FREIGHT_INCLUDED = Set.of("CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP");

	/**
	 * Freight by great-circle distance between capitals where no route is known: road up to 1,500 km (0.07 US$ a
	 * tonne-kilometre, 400 km a day), sea beyond (0.015 US$ a tonne-kilometre plus 20 US$ a tonne in port, 500 km a
	 * day plus four days in port), the planning figures of the demo transport network.
	 */
	record Freight(double usdPerTonne, int transitDays, String mode) {

		static Freight between(double km) {
			if (km <= 1_500) {
				return new Freight(0.07 * km, (int) Math.ceil(km / 400) + 1, "ROAD");
			}
			return new Freight(20 + 0.015 * km, (int) Math.ceil(km / 500) + 4, "SEA");
		}

	}

	public record Match(int rank, long offer, UUID company, BigDecimal pricePerTonne, String currency,
			String incoterm, BigDecimal freightPerTonne, boolean freightIncluded, BigDecimal landedPerTonne,
			int transitDays, String freightMode, int tradesDone, boolean intraOic, BigDecimal openTonnes) {
	}

	/** The matches, and how many candidates each hard filter set aside, so the reader sees why the list is short. */
	public record Result(long request, String destination, List<Match> matches, int setAsideForHalal) {
	}

	private final JdbcClient jdbc;

	private final Offers offers;

	private final Companies companies;

	private final HalalCertificates certificates;

	private final Countries countries;

	private final AccessPolicy access;

	private final Clock clock;

	Matching(JdbcClient jdbc, Offers offers, Companies companies, HalalCertificates certificates, Countries countries,
			AccessPolicy access, Clock clock) {
		this.jdbc = jdbc;
		this.offers = offers;
		this.companies = companies;
		this.certificates = certificates;
		this.countries = countries;
		this.access = access;
		this.clock = clock;
	}

	/** Ranked sellers for one request to buy; for the requesting company and the Secretariat. */
	@Transactional(readOnly = true)
	public Result forRequest(long requestId) {
		Offers.Offer request = offers.get(requestId);
		boolean allowed = CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(c, Action.ACT_FOR_ORGANISATION, Scope.organisation(request.company()))).orElse(false);
		if (!allowed) {
			access.requireOrHide(Action.ACT_FOR_ORGANISATION, Scope.organisation(request.company()), "request",
					Long.toString(requestId));
		}
		if (!request.side().equals("BUY")) {
			throw new InvalidInputException("request", "is an offer to sell; matching finds sellers for a request to buy");
		}
		Country destination = countries.get(companies.find(request.company()).orElseThrow().country());
		List<Long> candidateIds = jdbc.sql("""
				SELECT o.id FROM trade.offer o JOIN trade.company c ON c.organisation_id = o.company_id
				WHERE o.side = 'SELL' AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN') AND o.valid_until >= :today
				  AND c.kyc_status = 'VERIFIED' AND o.company_id <> :buyer
				  AND o.commodity_code = :commodity AND (:grade = '' OR o.grade = :grade)
				  AND o.open_tonnes >= :minOrder AND o.currency = :currency
				  AND o.delivery_from <= :until AND o.delivery_until >= :from
				ORDER BY o.id LIMIT 2000
				""")
			.param("today", Date.valueOf(LocalDate.now(clock)))
			.param("buyer", request.company())
			.param("commodity", request.commodity())
			.param("grade", request.grade())
			.param("minOrder", request.minOrderTonnes())
			.param("currency", request.currency())
			.param("until", Date.valueOf(request.deliveryUntil()))
			.param("from", Date.valueOf(request.deliveryFrom()))
			.query(Long.class)
			.list();
		List<Offers.Offer> candidates = offers.byIds(candidateIds);
		var sellers = companies.byIds(candidates.stream().map(Offers.Offer::company).toList());
		// The sellers' trades done on the board, counted once for every candidate.
		java.util.Map<UUID, Integer> tradesBySeller = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT o.company_id, count(*) AS trades FROM trade.offer_take t JOIN trade.offer o ON o.id = t.offer_id
				WHERE o.company_id = ANY (:sellers) GROUP BY o.company_id
				""").param("sellers", candidates.stream().map(Offers.Offer::company).distinct().toArray(UUID[]::new))
			.query((rs, row) -> tradesBySeller.put(rs.getObject("company_id", UUID.class), rs.getInt("trades")))
			.list();
		List<Match> matches = new ArrayList<>();
		int setAside = 0;
		for (Offers.Offer offer : candidates) {
			Country origin = countries.get(offer.origin() != null ? offer.origin()
					: sellers.get(offer.company()).country());
			Freight freight = Freight.between(km(origin, destination));
			LocalDate shipment = offer.deliveryFrom().isAfter(request.deliveryFrom()) ? offer.deliveryFrom()
					: request.deliveryFrom();
			LocalDate arrival = shipment.plusDays(freight.transitDays());
			if (offer.certificate() == null || !certificates.check(offer.certificate(), request.hsCode(),
					destination.iso3(), shipment, arrival).counts()) {
				setAside++;
				continue;
			}
			boolean included = FREIGHT_INCLUDED.contains(offer.incoterm());
			BigDecimal freightCost = BigDecimal.valueOf(freight.usdPerTonne()).setScale(2, java.math.RoundingMode.HALF_UP);
			BigDecimal landed = included ? offer.pricePerTonne() : offer.pricePerTonne().add(freightCost);
			int trades = tradesBySeller.getOrDefault(offer.company(), 0);
			matches.add(new Match(0, offer.id(), offer.company(), offer.pricePerTonne(), offer.currency(),
					offer.incoterm(), freightCost, included, landed, freight.transitDays(), freight.mode(), trades, true,
					offer.openTonnes()));
		}
		matches.sort(Comparator.comparing(Match::landedPerTonne).thenComparingInt(Match::transitDays)
			.thenComparing(Comparator.comparingInt(Match::tradesDone).reversed()));
		List<Match> ranked = new ArrayList<>();
		for (int i = 0; i < matches.size(); i++) {
			Match m = matches.get(i);
			ranked.add(new Match(i + 1, m.offer(), m.company(), m.pricePerTonne(), m.currency(), m.incoterm(),
					m.freightPerTonne(), m.freightIncluded(), m.landedPerTonne(), m.transitDays(), m.freightMode(),
					m.tradesDone(), m.intraOic(), m.openTonnes()));
		}
		return new Result(requestId, destination.iso3(), ranked, setAside);
	}

	/** Great-circle distance between two members' capitals, in kilometres. */
	static double km(Country from, Country to) {
		if (from.capital() == null || to.capital() == null || from.capital().latitude() == null
				|| to.capital().latitude() == null) {
			throw new NotFoundException("capital coordinates", from.iso3() + "/" + to.iso3());
		}
		double lat1 = Math.toRadians(from.capital().latitude().doubleValue());
		double lat2 = Math.toRadians(to.capital().latitude().doubleValue());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(to.capital().longitude().doubleValue() - from.capital().longitude().doubleValue());
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 6_371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
