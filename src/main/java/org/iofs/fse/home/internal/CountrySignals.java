package org.iofs.fse.home.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.engagements.EngagementDirectory;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.prices.PriceSituation;
import org.iofs.fse.projects.ProjectDirectory;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.trade.TradeVolumes;

import org.springframework.stereotype.Service;

/**
 * The six signals the country cockpit leads with, each read through its module's public facade and each shown only
 * to readers who may see it (the facade says: an empty answer is "not for this reader"): self-sufficiency of the
 * commodities, the worst current price band, reserve cover, open release requests, IFPA trade and projects, and
 * the last engagement.
 */
@Service
class CountrySignals {

	static final BigDecimal MONTHS = BigDecimal.valueOf(12);

	/**
	 * One regional reserve seen from a member: its stockpiled and pledged tonnes of the commodities it holds, the
	 * member's monthly use of those commodities (thousand tonnes a year from its balance, over twelve), and how many
	 * months of that use the tonnes would cover if they all went to the member (null without a use).
	 */
	record Cover(ReservesSituation.ReserveStock reserve, BigDecimal stockpiled, BigDecimal pledged,
			BigDecimal monthlyUse, BigDecimal months) {
	}

	/** IFPA in the member: tonnes contracted for it in the latest year with deals, and its verified companies. */
	record Trade(Integer year, BigDecimal tonnes, long verifiedCompanies) {
	}

	record Signals(List<FoodBalanceFacts.LatestRatio> ratios, Optional<PriceSituation.MemberBand> worstBand,
			List<Cover> cover, Optional<ReservesSituation.ReleaseCounts> releases, Trade trade,
			List<ProjectDirectory.Listed> projects, Optional<EngagementDirectory.Held> lastEngagement) {
	}

	private final FoodBalanceFacts balances;

	private final PriceSituation prices;

	private final ReservesSituation reserves;

	private final TradeVolumes trade;

	private final ProjectDirectory projects;

	private final EngagementDirectory engagements;

	CountrySignals(FoodBalanceFacts balances, PriceSituation prices, ReservesSituation reserves, TradeVolumes trade,
			ProjectDirectory projects, EngagementDirectory engagements) {
		this.balances = balances;
		this.prices = prices;
		this.reserves = reserves;
		this.trade = trade;
		this.projects = projects;
		this.engagements = engagements;
	}

	Signals of(String iso3) {
		List<FoodBalanceFacts.LatestRatio> ratios = balances.latestRatios(iso3);
		Map<Integer, BigDecimal> traded = trade.tonnesByYear(null, iso3);
		Integer year = traded.keySet().stream().max(Integer::compare).orElse(null);
		return new Signals(ratios, prices.worstBand(iso3), cover(iso3, ratios), reserves.releaseCounts(iso3),
				new Trade(year, year == null ? null : traded.get(year), trade.verifiedCompanies(iso3)),
				projects.publishedIn(iso3), engagements.lastWith(iso3));
	}

	private List<Cover> cover(String iso3, List<FoodBalanceFacts.LatestRatio> ratios) {
		Map<String, BigDecimal> yearlyUse = new HashMap<>();
		ratios.stream().filter(r -> r.domesticSupply() != null)
			.forEach(r -> yearlyUse.put(r.commodity(), r.domesticSupply().multiply(BigDecimal.valueOf(1000))));
		Map<String, Map<String, BigDecimal>> pledged = reserves.pledgedTonnes();
		return reserves.stock().stream().filter(r -> r.members().contains(iso3)).map(reserve -> {
			Map<String, BigDecimal> pledges = pledged.getOrDefault(reserve.code(), Map.of());
			BigDecimal stockpiled = reserve.totalTonnes();
			BigDecimal pledgedTonnes = pledges.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			java.util.Set<String> held = new java.util.HashSet<>(reserve.tonnes().keySet());
			held.addAll(pledges.keySet());
			BigDecimal use = held.stream().map(c -> yearlyUse.getOrDefault(c, BigDecimal.ZERO))
				.reduce(BigDecimal.ZERO, BigDecimal::add).divide(MONTHS, 0, RoundingMode.HALF_EVEN);
			BigDecimal months = use.signum() > 0
					? stockpiled.add(pledgedTonnes).divide(use, 2, RoundingMode.HALF_EVEN) : null;
			return new Cover(reserve, stockpiled, pledgedTonnes, use.signum() > 0 ? use : null, months);
		}).toList();
	}

}
