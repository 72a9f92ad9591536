package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Strategic commodities", description = "The OIC's supply strategy per commodity: balances by group, "
		+ "intra-OIC trade from the FAOSTAT trade matrix, who can supply whom, targets and projections")
class StrategyApiController {

	/** A projected value with its 95 % prediction interval. */
	record Projected(int year, BigDecimal value, BigDecimal low, BigDecimal high) {

		static Projected of(Trend.Projection p) {
			return new Projected(p.year(), round(p.value()), round(p.low()), round(p.high()));
		}

	}

	record MemberView(String iso3, int year, BigDecimal productionKt, BigDecimal importsKt, BigDecimal exportsKt,
			BigDecimal useKt, BigDecimal selfSufficiency, BigDecimal surplusKt, boolean deficit, Projected projected) {
	}

	record TargetView(long id, String scope, String measure, int year, BigDecimal value, String note,
			Integer latestYear, BigDecimal latest, Projected projected, BigDecimal gap) {
	}

	record TradeView(Integer year, BigDecimal intraOicTonnes, BigDecimal memberShareOfImports) {
	}

	record SummaryView(String commodity, String name, List<Standing.ScopeYear> history, List<MemberView> members,
			int horizonYear, List<TargetView> targets, TradeView trade, String method) {
	}

	record TargetInput(String scope, String measure, Integer year, BigDecimal value, String note) {
	}

	record SuppliersView(String commodity, String member, boolean deficit, Suppliers.Need need) {
	}

	record TradeYearView(String commodity, int year, List<TradeFlows.MemberFlow> betweenMembers,
			List<TradeFlows.ImportSources> importSources, List<TradeFlows.YearShare> memberShareByYear) {
	}

	static final String METHOD = "Self-sufficiency = production / (production + imports - exports) x 100, from the "
			+ "members' published FAOSTAT balances (thousand tonnes); a scope's ratio sums its members that published the "
			+ "year. Projections: straight-line least-squares trend of the last " + Trend.YEARS_USED
			+ " years (at least " + Trend.MIN_POINTS + "), with a 95 % prediction interval. Trade: FAOSTAT Detailed "
			+ "Trade Matrix, in tonnes of primary equivalent, each side's figure beside its partner's mirror figure.";

	private final Strategies strategies;

	private final TradeFlows flows;

	private final Targets targets;

	private final Countries countries;

	StrategyApiController(Strategies strategies, TradeFlows flows, Targets targets, Countries countries) {
		this.strategies = strategies;
		this.flows = flows;
		this.targets = targets;
		this.countries = countries;
	}

	@GetMapping("/api/v1/strategy/{commodity}")
	@Operation(summary = "The strategy of a commodity: OIC and group balances by year, members' positions and projected "
			+ "paths, targets with projection and gap, intra-OIC trade in the latest year")
	SummaryView summary(@PathVariable String commodity) {
		Strategies.Summary summary = strategies.summary(commodity);
		List<MemberView> members = summary.members().stream().map(p -> new MemberView(p.member().iso3(),
				p.member().year(), p.member().production(), p.member().imports(), p.member().exports(),
				p.member().use(), p.member().selfSufficiency(), p.member().surplus(), p.member().deficit(),
				p.projection().map(Projected::of).orElse(null))).toList();
		List<TargetView> paths = summary.targets().stream().map(t -> new TargetView(t.target().id(),
				t.target().scope().name(), t.target().measure().name(), t.target().year(), t.target().value(),
				t.target().note(), t.latestYear(), t.latest(), t.projection().map(Projected::of).orElse(null), t.gap()))
			.toList();
		Commodity c = summary.commodity();
		return new SummaryView(c.code(), c.name(Locale.ENGLISH), summary.history(), members, summary.horizonYear(), paths,
				new TradeView(summary.tradeYear(), summary.intraOicTonnes(), summary.memberShareOfImports()), METHOD);
	}

	@GetMapping("/api/v1/strategy/{commodity}/suppliers")
	@Operation(summary = "Who can supply a member in deficit: members with an exportable surplus, ranked, with the "
			+ "tonnes that could move, distance, transit days, current flows and verified IFPA sellers")
	SuppliersView suppliers(@PathVariable String commodity, @RequestParam("for") String member) {
		String iso3 = countries.get(member).iso3();
		var need = strategies.suppliers(commodity, iso3);
		return new SuppliersView(strategies.commodity(commodity).code(), iso3, need.isPresent(), need.orElse(null));
	}

	@GetMapping("/api/v1/strategy/{commodity}/trade")
	@Operation(summary = "Intra-OIC trade of a commodity in a year (the latest by default): flows between members with "
			+ "both sides' figures, each member's imports from members and from the rest of the world, and the OIC's "
			+ "share of its own imports by year")
	TradeYearView trade(@PathVariable String commodity, @RequestParam(required = false) Integer year) {
		Commodity c = strategies.commodity(commodity);
		Integer shown = year != null ? year : flows.years(c).stream().findFirst().orElse(null);
		if (shown == null) {
			return new TradeYearView(c.code(), 0, List.of(), List.of(), List.of());
		}
		return new TradeYearView(c.code(), shown, flows.betweenMembers(c, shown), flows.importSources(c, shown),
				flows.memberShareByYear(c));
	}

	@GetMapping("/api/v1/trade-flows")
	@Operation(summary = "Trade matrix flows of a commodity in tonnes of primary equivalent, members by ISO3 code and "
			+ "ROW for the rest of the world: the reporter's imports and exports beside the partner's mirror figures")
	PageOf<TradeFlows.Flow> tradeFlows(@RequestParam String commodity, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String reporter, @RequestParam(required = false) String partner,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return flows.flows(strategies.commodity(commodity), year, side(reporter, "reporter"), side(partner, "partner"),
				page, size);
	}

	@PutMapping("/api/v1/strategy/{commodity}/targets")
	@Operation(summary = "Set the OIC's or a group's target of a commodity (analysts, administrators)")
	Targets.Target setTarget(@PathVariable String commodity, @RequestBody TargetInput input) {
		return targets.set(commodity, input.scope(), input.measure(), input.year(), input.value(), input.note());
	}

	@DeleteMapping("/api/v1/strategy/targets/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a target (analysts, administrators)")
	void removeTarget(@PathVariable long id) {
		targets.remove(id);
	}

	private String side(String code, String field) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String upper = code.strip().toUpperCase(Locale.ROOT);
		if (upper.equals(TradeMatrixRows.REST_OF_WORLD)) {
			return upper;
		}
		if (!upper.matches("[A-Z]{3}")) {
			throw new InvalidInputException(field, "must be a member's ISO3 code or ROW, was '" + code + "'");
		}
		return countries.get(upper).iso3();
	}

	private static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_EVEN);
	}

}
