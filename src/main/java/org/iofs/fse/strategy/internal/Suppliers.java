package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.iofs.fse.allocation.FreightRates;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.GreatCircle;
import org.iofs.fse.trade.TradeVolumes;

import org.springframework.stereotype.Service;

/**
 * Who can supply whom: for a member in deficit (self-sufficiency below 100 in its latest published year), the members
 * with an exportable surplus, each with the tonnes that could move (its surplus, up to what the member now imports
 * from outside the OIC), the distance between capitals, the cheapest route and its transit days in the transport
 * network, what already flows between them, and the verified IFPA sellers there. Ranked by the tonnes that could
 * move, then the transit days, then the distance.
 */
@Service
class Suppliers {

	static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	/** A member that could supply, and what could move from it. Tonnes, kilometres, days, US dollars a tonne. */
	record Candidate(String supplier, BigDecimal surplusTonnes, BigDecimal couldMoveTonnes, Integer distanceKm,
			Integer transitDays, BigDecimal freightPerTonne, String mode, BigDecimal currentFlowTonnes, int ifpaSellers) {
	}

	/**
	 * A member in deficit: its ratio and imports in its latest balance year, what it imports from outside the OIC
	 * (its own trade report in the matrix's latest year; without one, its balance's net imports), and who could
	 * supply it.
	 */
	record Need(String member, int balanceYear, BigDecimal selfSufficiency, BigDecimal importsTonnes,
			BigDecimal fromOutsideTonnes, Integer tradeYear, List<Candidate> suppliers) {
	}

	private final TradeFlows flows;

	private final FreightRates freight;

	private final TradeVolumes ifpa;

	private final Countries countries;

	Suppliers(TradeFlows flows, FreightRates freight, TradeVolumes ifpa, Countries countries) {
		this.flows = flows;
		this.freight = freight;
		this.ifpa = ifpa;
		this.countries = countries;
	}

	/** The needs of every member in deficit, most imported from outside the OIC first, each with its suppliers. */
	List<Need> needs(Commodity commodity, Standing standing) {
		List<Standing.Member> deficits = standing.members().stream().filter(Standing.Member::deficit).toList();
		return needs(commodity, standing, deficits);
	}

	private List<Need> needs(Commodity commodity, Standing standing, List<Standing.Member> deficits) {
		if (deficits.isEmpty()) {
			return List.of();
		}
		List<Standing.Member> surplus = standing.members().stream()
			.filter(m -> m.surplus().signum() > 0).toList();
		Integer tradeYear = flows.years(commodity).stream().findFirst().orElse(null);
		Map<String, BigDecimal> fromOutside = new HashMap<>();
		Map<String, BigDecimal> current = new HashMap<>();
		if (tradeYear != null) {
			flows.importSources(commodity, tradeYear).forEach(s -> fromOutside.put(s.member(), s.fromRestOfWorld()));
			flows.betweenMembers(commodity, tradeYear)
				.forEach(f -> current.put(f.exporter() + ">" + f.importer(), f.tonnes()));
		}
		List<String> origins = surplus.stream().map(Standing.Member::iso3).toList();
		Map<String, Map<String, FreightRates.Leg>> legs = freight.cheapestBetween(origins,
				deficits.stream().map(Standing.Member::iso3).toList());
		Map<String, Integer> sellers = ifpa.verifiedSellersByCountry(commodity.code());
		Map<String, Country> byIso3 = countries.all().stream().collect(Collectors.toMap(Country::iso3, c -> c));
		List<Need> needs = new ArrayList<>();
		for (Standing.Member member : deficits) {
			BigDecimal outside = fromOutside.get(member.iso3());
			boolean reported = outside != null;
			if (!reported) {
				outside = member.use().subtract(member.production() == null ? BigDecimal.ZERO : member.production())
					.max(BigDecimal.ZERO).multiply(THOUSAND).setScale(0, java.math.RoundingMode.HALF_EVEN);
			}
			List<Candidate> candidates = new ArrayList<>();
			for (Standing.Member supplier : surplus) {
				if (supplier.iso3().equals(member.iso3())) {
					continue;
				}
				BigDecimal surplusTonnes = supplier.surplus().multiply(THOUSAND).setScale(0, java.math.RoundingMode.HALF_EVEN);
				FreightRates.Leg leg = legs.getOrDefault(member.iso3(), Map.of()).get(supplier.iso3());
				candidates.add(new Candidate(supplier.iso3(), surplusTonnes, surplusTonnes.min(outside),
						distanceKm(byIso3.get(supplier.iso3()), byIso3.get(member.iso3())),
						leg == null ? null : leg.transitDays(), leg == null ? null : leg.costPerTonne(),
						leg == null ? null : leg.mode(), current.get(supplier.iso3() + ">" + member.iso3()),
						sellers.getOrDefault(supplier.iso3(), 0)));
			}
			candidates.sort(Comparator.comparing(Candidate::couldMoveTonnes, Comparator.reverseOrder())
				.thenComparing(Candidate::transitDays, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Candidate::distanceKm, Comparator.nullsLast(Comparator.naturalOrder())));
			needs.add(new Need(member.iso3(), member.year(), member.selfSufficiency(),
					member.imports() == null ? null : member.imports().multiply(THOUSAND), outside,
					reported ? tradeYear : null, candidates));
		}
		needs.sort(Comparator.comparing(Need::fromOutsideTonnes, Comparator.reverseOrder()).thenComparing(Need::member));
		return needs;
	}

	/** Great-circle distance between two capitals, in kilometres, or null when one has no coordinates. */
	static Integer distanceKm(Country from, Country to) {
		if (from == null || to == null || from.capital() == null || to.capital() == null
				|| from.capital().latitude() == null || to.capital().latitude() == null) {
			return null;
		}
		return (int) Math.round(GreatCircle.km(from.capital().latitude().doubleValue(),
				from.capital().longitude().doubleValue(), to.capital().latitude().doubleValue(),
				to.capital().longitude().doubleValue()));
	}

}
