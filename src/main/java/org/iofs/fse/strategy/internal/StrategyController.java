package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.PriceSituation;
import org.iofs.fse.projects.ProjectDirectory;
import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.shared.web.Refusal;
import org.iofs.fse.shared.web.TableDownload;

import tools.jackson.databind.json.JsonMapper;

/**
 * The strategy pages: the list of strategic commodities, and per commodity the OIC's and its groups' balance over
 * time, surplus and deficit members on the map, intra-OIC trade, who can supply whom, targets with projections, and
 * the projects, hubs and reserve stock of the commodity. Public, as their sources are; targets are set here by
 * analysts and administrators.
 */
@Controller
class StrategyController {

	/** Suppliers shown per member in deficit on the page (the download has them all). */
	static final int SUPPLIERS_SHOWN = 3;

	/** Flows between members drawn in the Sankey chart, the largest. */
	static final int FLOWS_DRAWN = 25;

	private final Strategies strategies;

	private final TradeFlows flows;

	private final Commodities commodities;

	private final Countries countries;

	private final ReservesSituation reserves;

	private final HubStock stock;

	private final Hubs hubs;

	private final ProjectDirectory projects;

	private final AccessPolicy access;

	private final Targets targets;

	private final JsonMapper json;

	private final PriceSituation prices;

	StrategyController(Strategies strategies, TradeFlows flows, Commodities commodities, Countries countries,
			ReservesSituation reserves, HubStock stock, Hubs hubs, ProjectDirectory projects, AccessPolicy access,
			Targets targets, JsonMapper json, PriceSituation prices) {
		this.prices = prices;
		this.strategies = strategies;
		this.flows = flows;
		this.commodities = commodities;
		this.countries = countries;
		this.reserves = reserves;
		this.stock = stock;
		this.hubs = hubs;
		this.projects = projects;
		this.access = access;
		this.targets = targets;
		this.json = json;
	}

	@GetMapping("/strategy")
	String index(Model model) {
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
		return "strategy/index";
	}

	@GetMapping("/strategy/{code}")
	String page(@PathVariable String code, @RequestParam(required = false) Integer year, Model model, Locale locale) {
		Strategies.Summary summary = strategies.summary(code);
		Commodity commodity = summary.commodity();
		Standing standing = strategies.standing(commodity);
		List<Integer> years = flows.years(commodity);
		Integer tradeYear = year != null && years.contains(year) ? year : years.stream().findFirst().orElse(null);
		List<TradeFlows.MemberFlow> between = tradeYear == null ? List.of() : flows.betweenMembers(commodity, tradeYear);
		model.addAttribute("commodity", commodity);
		model.addAttribute("summary", summary);
		model.addAttribute("oic", standing.history(Standing.OIC));
		model.addAttribute("years", years);
		model.addAttribute("tradeYear", tradeYear);
		model.addAttribute("between", between.stream().limit(50).toList());
		model.addAttribute("betweenCount", between.size());
		model.addAttribute("sources", tradeYear == null ? List.of() : flows.importSources(commodity, tradeYear));
		model.addAttribute("needs", strategies.needs(commodity, standing));
		model.addAttribute("suppliersShown", SUPPLIERS_SHOWN);
		model.addAttribute("countries", countries.all().stream().collect(java.util.stream.Collectors.toMap(Country::iso3, c -> c)));
		model.addAttribute("historyJson", json.writeValueAsString(historyChart(standing, summary.targets())));
		model.addAttribute("sankeyJson", json.writeValueAsString(sankey(between, locale)));
		model.addAttribute("shareJson", json.writeValueAsString(flows.memberShareByYear(commodity)));
		model.addAttribute("reserveStock", reserves.stock().stream()
			.filter(r -> r.tonnes().containsKey(commodity.code())).toList());
		Map<String, BigDecimal> byHub = new TreeMap<>();
		stock.availableLots().stream().filter(l -> l.commodity().equals(commodity.code()))
			.forEach(l -> byHub.merge(l.hub(), l.onHand(), BigDecimal::add));
		model.addAttribute("hubStock", byHub);
		model.addAttribute("hubs", hubs.byCode());
		model.addAttribute("projects", projects.publishedFor(commodity.code()));
		model.addAttribute("maySetTargets", access.may("PUBLISH"));
		model.addAttribute("priceWarnings", prices.warningsOf(commodity.code()));
		return "strategy/commodity";
	}

	@PostMapping("/strategy/{code}/targets")
	String setTarget(@PathVariable String code, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String measure, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) BigDecimal value, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		String back = "/strategy/" + commodities.get(code).code();
		return Refusal.redirectAfter(() -> targets.set(code, scope, measure, year, value, note),
				set -> back + "#targets", back + "#targets", redirect);
	}

	@PostMapping("/strategy/targets/{id}/remove")
	String removeTarget(@PathVariable long id, @RequestParam String commodity, RedirectAttributes redirect) {
		String back = "/strategy/" + commodities.get(commodity).code() + "#targets";
		return Refusal.redirectAfter(() -> {
			targets.remove(id);
			return id;
		}, removed -> back, back, redirect);
	}

	@GetMapping("/strategy/{code}/suppliers.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> suppliersDownload(@PathVariable String code, @PathVariable String format) {
		Commodity commodity = strategies.commodity(code);
		List<List<Object>> rows = new ArrayList<>();
		for (Suppliers.Need need : strategies.needs(commodity, strategies.standing(commodity))) {
			for (Suppliers.Candidate c : need.suppliers()) {
				rows.add(java.util.Arrays.asList(need.member(), need.selfSufficiency(), need.fromOutsideTonnes(),
						c.supplier(), c.surplusTonnes(), c.couldMoveTonnes(), c.distanceKm(), c.transitDays(),
						c.freightPerTonne(), c.currentFlowTonnes(), c.ifpaSellers()));
			}
		}
		return TableDownload.of("suppliers-" + commodity.code(), TableDownload.format(format),
				List.of("member", "self_sufficiency_pct", "imports_from_outside_oic_t", "supplier", "surplus_t",
						"could_move_t", "distance_km", "transit_days", "freight_usd_per_t", "current_flow_t",
						"ifpa_verified_sellers"), rows);
	}

	@GetMapping("/strategy/{code}/trade.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> tradeDownload(@PathVariable String code, @PathVariable String format,
			@RequestParam(required = false) Integer year) {
		Commodity commodity = strategies.commodity(code);
		Integer shown = year != null ? year : flows.years(commodity).stream().findFirst().orElse(null);
		List<List<Object>> rows = new ArrayList<>();
		if (shown != null) {
			flows.betweenMembers(commodity, shown).forEach(f -> rows.add(java.util.Arrays.asList(shown, f.exporter(),
					f.importer(), f.exporterFigure(), f.importerFigure(), f.gap())));
		}
		return TableDownload.of("intra-oic-trade-" + commodity.code(), TableDownload.format(format),
				List.of("year", "exporter", "importer", "exporter_figure_t", "importer_figure_t", "gap_over_20_pct"), rows);
	}

	@GetMapping("/strategy/{code}/sources.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> sourcesDownload(@PathVariable String code, @PathVariable String format) {
		Commodity commodity = strategies.commodity(code);
		List<List<Object>> rows = new ArrayList<>();
		for (int year : flows.years(commodity)) {
			flows.importSources(commodity, year).forEach(s -> rows.add(java.util.Arrays.asList(year, s.member(),
					s.fromMembers(), s.fromRestOfWorld(), s.memberShare())));
		}
		return TableDownload.of("import-sources-" + commodity.code(), TableDownload.format(format),
				List.of("year", "member", "from_members_t", "from_rest_of_world_t", "share_from_members_pct"), rows);
	}

	@GetMapping("/strategy/{code}/history.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> historyDownload(@PathVariable String code, @PathVariable String format) {
		Commodity commodity = strategies.commodity(code);
		List<List<Object>> rows = new ArrayList<>();
		strategies.standing(commodity).history().forEach(y -> rows.add(java.util.Arrays.asList(y.scope(), y.year(),
				y.production(), y.imports(), y.exports(), y.use(), y.selfSufficiency(), y.members())));
		return TableDownload.of("strategy-" + commodity.code(), TableDownload.format(format),
				List.of("scope", "year", "production_kt", "imports_kt", "exports_kt", "use_kt", "self_sufficiency_pct",
						"members"), rows);
	}

	/** A self-sufficiency target on the chart: from the latest value to the projection (with its interval) and the target. */
	record ChartTarget(String scope, int latestYear, BigDecimal latest, int year, double value, double low, double high,
			BigDecimal target) {
	}

	/**
	 * Each scope's self-sufficiency by year ({@code series}: {scope: [[year, ratio], ...]}), and each self-sufficiency
	 * target with the path projected to it ({@code targets}).
	 */
	private static Map<String, Object> historyChart(Standing standing, List<Strategies.TargetPath> targets) {
		Map<String, List<Object[]>> series = new LinkedHashMap<>();
		standing.history().stream().filter(y -> y.selfSufficiency() != null).forEach(y -> series
			.computeIfAbsent(y.scope(), k -> new ArrayList<>()).add(new Object[] { y.year(), y.selfSufficiency() }));
		List<ChartTarget> projected = targets.stream()
			.filter(t -> t.target().measure() == Targets.Measure.SELF_SUFFICIENCY && t.projection().isPresent())
			.map(t -> new ChartTarget(t.target().scope().name(), t.latestYear(), t.latest(), t.target().year(),
					t.projection().get().value(), t.projection().get().low(), t.projection().get().high(),
					t.target().value()))
			.toList();
		return Map.of("series", series, "targets", projected);
	}

	/** The largest flows between members as Sankey links, exporters on one side and importers on the other. */
	private Map<String, Object> sankey(List<TradeFlows.MemberFlow> between, Locale locale) {
		List<Map<String, Object>> links = new ArrayList<>();
		Map<String, String> nodes = new LinkedHashMap<>();
		for (TradeFlows.MemberFlow flow : between.stream().limit(FLOWS_DRAWN).toList()) {
			String from = "e:" + flow.exporter();
			String to = "i:" + flow.importer();
			nodes.putIfAbsent(from, countries.get(flow.exporter()).name(locale));
			nodes.putIfAbsent(to, countries.get(flow.importer()).name(locale));
			links.add(Map.of("source", from, "target", to, "value", flow.tonnes()));
		}
		List<Map<String, String>> nodeList = new ArrayList<>();
		nodes.forEach((id, name) -> nodeList.add(Map.of("name", id, "label", name)));
		return Map.of("nodes", nodeList, "links", links);
	}

}
