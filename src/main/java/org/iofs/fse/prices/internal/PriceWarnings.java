package org.iofs.fse.prices.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.iofs.fse.prices.indicators.PriceSpikes;

/**
 * A member's price warning, read the way FPMA and WFP read theirs: per platform commodity (unmapped items never
 * count), from the commodity's national average series where the member has one, else from the share of its markets
 * in each band, the worst band counting only when at least a stated share of the markets is in it or worse (so one
 * market in crisis among nine is not a national crisis). The member's level is its worst commodity's. A member
 * whose prices are all older than two months has no level (grey on the map), not a normal one.
 */
public final class PriceWarnings {

	/** One current series' latest band, at one market. */
	public record Latest(String country, String commodity, long market, boolean nationalAverage, PriceSpikes.Band band) {
	}

	/** A commodity's level in a member, and what it rests on. */
	public record CommodityWarning(String commodity, PriceSpikes.Band level, boolean nationalAverage, int marketsAtLevel,
			int markets) {
	}

	/** A member's level ({@code null} when none of its prices is current) and the commodities behind it. */
	public record MemberWarning(String country, PriceSpikes.Band level, List<CommodityWarning> commodities) {
	}

	private PriceWarnings() {
	}

	/**
	 * @param share the least share of a commodity's markets that must be in a band (or worse) for it to count
	 * @param withAnySeries the members that have price series at all, current or not
	 */
	public static List<MemberWarning> of(List<Latest> current, Set<String> withAnySeries, double share) {
		// member -> commodity -> market -> worst band of the market's series of that commodity
		Map<String, Map<String, Map<Long, PriceSpikes.Band>>> bands = new TreeMap<>();
		Map<String, Map<String, PriceSpikes.Band>> national = new TreeMap<>();
		for (Latest latest : current) {
			if (latest.nationalAverage()) {
				national.computeIfAbsent(latest.country(), k -> new TreeMap<>())
					.merge(latest.commodity(), latest.band(), PriceWarnings::worse);
			}
			else {
				bands.computeIfAbsent(latest.country(), k -> new TreeMap<>())
					.computeIfAbsent(latest.commodity(), k -> new TreeMap<>())
					.merge(latest.market(), latest.band(), PriceWarnings::worse);
			}
		}
		List<MemberWarning> warnings = new ArrayList<>();
		for (String country : withAnySeries) {
			List<CommodityWarning> commodities = new ArrayList<>();
			Map<String, PriceSpikes.Band> averages = national.getOrDefault(country, Map.of());
			averages.forEach((commodity, band) -> commodities.add(new CommodityWarning(commodity, band, true, 1, 1)));
			bands.getOrDefault(country, Map.of()).forEach((commodity, markets) -> {
				if (!averages.containsKey(commodity)) {
					commodities.add(byMarkets(commodity, markets.values(), share));
				}
			});
			commodities.sort(Comparator.comparing((CommodityWarning c) -> c.level().severity()).reversed()
				.thenComparing(CommodityWarning::commodity));
			PriceSpikes.Band level = commodities.stream().map(CommodityWarning::level).reduce(PriceWarnings::worse)
				.orElse(null);
			warnings.add(new MemberWarning(country, level, commodities));
		}
		return warnings;
	}

	private static CommodityWarning byMarkets(String commodity, java.util.Collection<PriceSpikes.Band> markets,
			double share) {
		PriceSpikes.Band[] worstFirst = { PriceSpikes.Band.CRISIS, PriceSpikes.Band.ALERT, PriceSpikes.Band.STRESS };
		for (PriceSpikes.Band band : worstFirst) {
			int atOrWorse = (int) markets.stream().filter(b -> b.severity() >= band.severity()).count();
			if (atOrWorse > 0 && atOrWorse >= share * markets.size() - 1e-9) {
				return new CommodityWarning(commodity, band, false, atOrWorse, markets.size());
			}
		}
		int normal = (int) markets.stream().filter(b -> b == PriceSpikes.Band.NORMAL).count();
		return new CommodityWarning(commodity, PriceSpikes.Band.NORMAL, false, normal, markets.size());
	}

	private static PriceSpikes.Band worse(PriceSpikes.Band a, PriceSpikes.Band b) {
		return a.severity() >= b.severity() ? a : b;
	}

}
