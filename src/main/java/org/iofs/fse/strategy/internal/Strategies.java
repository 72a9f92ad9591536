package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.foodbalance.FoodBalanceFacts;

import org.springframework.stereotype.Service;

/**
 * The strategy of one commodity, assembled: where the OIC and its groups stand and have stood, each member's
 * position and its path projected, the targets with the projected value and the gap, and intra-OIC trade in the
 * matrix's latest year. Everything here is public, as the published balances and FAOSTAT's trade figures are.
 */
@Service
class Strategies {

	/** A member's latest position and its self-sufficiency projected to the horizon year (empty with too little history). */
	record MemberPath(Standing.Member member, Optional<Trend.Projection> projection) {
	}

	/** A target beside the latest value of its scope, the value projected to its year, and the gap left. */
	record TargetPath(Targets.Target target, Integer latestYear, BigDecimal latest,
			Optional<Trend.Projection> projection, BigDecimal gap) {
	}

	/** The strategy in figures: history by scope, members, targets, and intra-OIC trade in the latest year. */
	record Summary(Commodity commodity, List<Standing.ScopeYear> history, List<MemberPath> members, int horizonYear,
			List<TargetPath> targets, Integer tradeYear, BigDecimal intraOicTonnes, BigDecimal memberShareOfImports) {
	}

	static final int DEFAULT_HORIZON = 10;

	private final Commodities commodities;

	private final Countries countries;

	private final FoodBalanceFacts balances;

	private final TradeFlows flows;

	private final Targets targets;

	private final Suppliers suppliers;

	private final Clock clock;

	private final StrategyCache cache;

	Strategies(Commodities commodities, Countries countries, FoodBalanceFacts balances, TradeFlows flows,
			Targets targets, Suppliers suppliers, Clock clock, StrategyCache cache) {
		this.cache = cache;
		this.commodities = commodities;
		this.countries = countries;
		this.balances = balances;
		this.flows = flows;
		this.targets = targets;
		this.suppliers = suppliers;
		this.clock = clock;
	}

	Commodity commodity(String code) {
		return commodities.get(code);
	}

	Standing standing(Commodity commodity) {
		return cache.get("standing:" + commodity.code(),
				() -> Standing.of(balances.history(commodity.code()), countries.all()));
	}

	Summary summary(String code) {
		Commodity commodity = commodities.get(code);
		return cache.get("summary:" + commodity.code(), () -> summary(commodity));
	}

	private Summary summary(Commodity commodity) {
		Standing standing = standing(commodity);
		List<Targets.Target> set = targets.of(commodity.code());
		int horizon = set.stream().filter(t -> t.measure() == Targets.Measure.SELF_SUFFICIENCY)
			.mapToInt(Targets.Target::year).min().orElse(LocalDate.now(clock).getYear() + DEFAULT_HORIZON);
		List<MemberPath> members = new ArrayList<>();
		for (Standing.Member member : standing.members()) {
			List<Trend.Point> series = standing.memberSeries(member.iso3());
			members.add(new MemberPath(member, Trend.fit(series).map(trend -> trend.at(horizon))));
		}
		List<TargetPath> paths = set.stream().map(target -> path(standing, target)).toList();
		Integer tradeYear = flows.years(commodity).stream().findFirst().orElse(null);
		BigDecimal intra = null;
		BigDecimal share = null;
		if (tradeYear != null) {
			intra = flows.betweenMembers(commodity, tradeYear).stream().map(TradeFlows.MemberFlow::tonnes)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			share = flows.memberShareByYear(commodity).stream().filter(y -> y.year() == tradeYear).findFirst()
				.map(TradeFlows.YearShare::memberShare).orElse(null);
		}
		return new Summary(commodity, standing.history(), members, horizon, paths, tradeYear, intra, share);
	}

	Optional<Suppliers.Need> suppliers(String code, String iso3) {
		Commodity commodity = commodities.get(code);
		String member = countries.get(iso3).iso3();
		return needs(commodity, standing(commodity)).stream().filter(need -> need.member().equals(member)).findFirst();
	}

	/** Every member in deficit with who could supply it; computed once for all of them and kept with the rest. */
	List<Suppliers.Need> needs(Commodity commodity, Standing standing) {
		return cache.get("needs:" + commodity.code(), () -> suppliers.needs(commodity, standing));
	}

	private static TargetPath path(Standing standing, Targets.Target target) {
		Function<Standing.ScopeYear, BigDecimal> measure = target.measure() == Targets.Measure.SELF_SUFFICIENCY
				? Standing.ScopeYear::selfSufficiency : Standing.ScopeYear::production;
		List<Standing.ScopeYear> history = standing.history(target.scope().name()).stream()
			.filter(y -> measure.apply(y) != null).toList();
		if (history.isEmpty()) {
			return new TargetPath(target, null, null, Optional.empty(), null);
		}
		Standing.ScopeYear latest = history.get(history.size() - 1);
		Optional<Trend.Projection> projection = Trend
			.fit(history.stream().map(y -> new Trend.Point(y.year(), measure.apply(y).doubleValue())).toList())
			.map(trend -> trend.at(target.year()));
		BigDecimal gap = projection.map(p -> target.value().subtract(BigDecimal.valueOf(p.value()))
			.setScale(1, RoundingMode.HALF_EVEN)).orElse(null);
		return new TargetPath(target, latest.year(), measure.apply(latest), projection, gap);
	}

}
