package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The allocation pages: plans and the form for a new one, one plan (map, lines, unmet demand, what-if), network. */
@Controller
class AllocationController {

	static final int DEMAND_ROWS = 6;

	static final int ROUTE_PAGE = 50;

	private final AllocationPlans plans;

	private final PlanReads reads;

	private final PlanDispatches dispatches;

	private final TransportNetwork network;

	private final RouteImport routeImport;

	private final Countries countries;

	private final Commodities commodities;

	private final Hubs hubs;

	private final Clock clock;

	AllocationController(AllocationPlans plans, PlanReads reads, PlanDispatches dispatches, TransportNetwork network,
			RouteImport routeImport, Countries countries, Commodities commodities, Hubs hubs, Clock clock) {
		this.clock = clock;
		this.hubs = hubs;
		this.plans = plans;
		this.reads = reads;
		this.dispatches = dispatches;
		this.network = network;
		this.routeImport = routeImport;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/allocation")
	String plans(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("plans", reads.list(page, 25));
		model.addAttribute("rows", DEMAND_ROWS);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("defaultNeedBy", LocalDate.now(clock).plusDays(30));
		indexes(model);
		return "allocation/plans";
	}

	/** The form's demand rows: those with a country and tonnes make demands; the rest are left empty. */
	@PostMapping("/allocation/plans")
	String solve(@RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> commodity,
			@RequestParam(required = false) List<String> tonnes, @RequestParam(required = false) List<String> needBy,
			@RequestParam(required = false) List<String> priority, @RequestParam(required = false) List<String> substitute,
			@RequestParam(defaultValue = "false") boolean fromApprovedRequests,
			@RequestParam(required = false) Integer maxTransitDays,
			@RequestParam(required = false) BigDecimal minShipmentTonnes,
			@RequestParam(defaultValue = "false") boolean transshipment, @RequestParam(required = false) String label,
			RedirectAttributes redirect) {
		try {
			List<PlanRequest.DemandInput> demands = new ArrayList<>();
			for (int i = 0; country != null && i < country.size(); i++) {
				if (country.get(i).isBlank() || at(tonnes, i).isBlank()) {
					continue;
				}
				demands.add(new PlanRequest.DemandInput(country.get(i), at(commodity, i), decimal(at(tonnes, i), i),
						at(needBy, i).isBlank() ? null : LocalDate.parse(at(needBy, i)),
						at(priority, i).isBlank() ? null : Integer.valueOf(at(priority, i)),
						at(substitute, i).isBlank() ? List.of() : List.of(at(substitute, i)), null, null, null));
			}
			long id = plans.solve(new PlanRequest(label, demands, fromApprovedRequests,
					new PlanRequest.SettingsInput(null, maxTransitDays, null, null, minShipmentTonnes, transshipment, null,
							null, null)));
			return "redirect:/allocation/plans/" + id;
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/plans", ex.field() + ": " + ex.getMessage(), redirect);
		}
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
	}

	private static BigDecimal decimal(String text, int row) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("demands[" + row + "].tonnes", "is not a number");
		}
	}

	@GetMapping("/allocation/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		PlanReads.Plan plan = reads.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("demandsByNo", plan.demands().stream()
			.collect(Collectors.toMap(PlanReads.DemandRow::demandNo, Function.identity())));
		model.addAttribute("baseline", plan.summary().baselineId() == null ? null : reads.get(plan.summary().baselineId()));
		model.addAttribute("canDraft", plan.summary().dispatchesDraftedAt() == null
				&& plan.demands().stream().anyMatch(d -> d.releaseRequestId() != null && d.metTonnes().signum() > 0));
		model.addAttribute("hubCodes", plan.lines().stream().map(PlanReads.LineRow::hubCode).distinct().sorted().toList());
		indexes(model);
		return "allocation/plan";
	}

	// The page's own addresses for the downloads and the map: the API takes bearer tokens only, the pages a session.

	@GetMapping(value = "/allocation/plans/{id}/model.mps", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> mps(@PathVariable long id) {
		return download("plan-" + id + ".mps", reads.mps(id));
	}

	@GetMapping(value = "/allocation/plans/{id}/solution.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> solution(@PathVariable long id) {
		return download("plan-" + id + "-solution.txt", reads.solution(id));
	}

	static ResponseEntity<String> download(String fileName, String text) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body(text);
	}

	@GetMapping(value = "/allocation/plans/{id}/flows", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<PlanReads.Flow> flows(@PathVariable long id) {
		return reads.flows(id);
	}

	@PostMapping("/allocation/plans/{id}/what-if")
	String whatIf(@PathVariable long id, @RequestParam(required = false) String closedRoutes,
			@RequestParam(required = false) List<String> emptyHubs, @RequestParam(required = false) String label,
			RedirectAttributes redirect) {
		try {
			List<Long> closed = closedRoutes == null || closedRoutes.isBlank() ? List.of()
					: Arrays.stream(closedRoutes.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
			long whatIf = plans.whatIf(id, new PlanRequest.SettingsInput(null, null, null, null, null, null, closed,
					emptyHubs == null ? List.of() : emptyHubs, null), label);
			return "redirect:/allocation/plans/" + whatIf;
		}
		catch (NumberFormatException ex) {
			return refused("/allocation/plans/" + id, "closedRoutes: " + ex.getMessage(), redirect);
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/plans/" + id, ex.field() + ": " + ex.getMessage(), redirect);
		}
	}

	@PostMapping("/allocation/plans/{id}/dispatches")
	String draft(@PathVariable long id, RedirectAttributes redirect) {
		try {
			PlanDispatches.Outcome outcome = dispatches.draft(id);
			return "redirect:/allocation/plans/" + id + "?drafted=" + outcome.drafts();
		}
		catch (ConflictException ex) {
			return refused("/allocation/plans/" + id, ex.getMessage(), redirect);
		}
	}

	/**
	 * A refused form goes back to its page with the reason (post, redirect, get): reloading or switching the
	 * language never posts it again nor lands on an address that only takes forms.
	 */
	private static String refused(String page, String reason, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", reason);
		return "redirect:" + page;
	}

	@GetMapping("/allocation/network")
	String network(@RequestParam(required = false) String hub, @RequestParam(required = false) String mode,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("points", network.deliveryPoints(null));
		model.addAttribute("routes", network.routes(hub, mode, null, page, ROUTE_PAGE));
		model.addAttribute("hub", hub);
		model.addAttribute("mode", mode);
		model.addAttribute("modes", TransportNetwork.MODES);
		model.addAttribute("importColumns", String.join(",", RouteImport.COLUMNS));
		model.addAttribute("hubs", hubs.all());
		model.addAttribute("link", "/allocation/network?hub=" + (hub == null ? "" : hub) + "&mode=" + (mode == null ? "" : mode));
		indexes(model);
		return "allocation/network";
	}

	@PostMapping("/allocation/network/routes")
	String putRoute(@RequestParam String originHub, @RequestParam(required = false) String toHub,
			@RequestParam(required = false) String toPoint, @RequestParam String mode,
			@RequestParam(required = false) BigDecimal costPerTonne, @RequestParam(required = false) Integer transitDays,
			@RequestParam(required = false) BigDecimal capacityTonnes,
			@RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect) {
		try {
			network.putRoute(new TransportNetwork.RouteInput(originHub, toHub, toPoint, mode, costPerTonne, transitDays,
					capacityTonnes, open));
			return "redirect:/allocation/network?hub=" + originHub.strip() + "&saved=route";
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/network", ex.field() + ": " + ex.getMessage(), redirect);
		}
	}

	@PostMapping("/allocation/network/points")
	String putPoint(@RequestParam String code, @RequestParam(required = false) String country,
			@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude,
			@RequestParam(defaultValue = "false") boolean main, RedirectAttributes redirect) {
		try {
			network.putDeliveryPoint(code, new TransportNetwork.DeliveryPointInput(country, name, kind, latitude, longitude,
					main));
			return "redirect:/allocation/network?saved=point";
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/network", ex.field() + ": " + ex.getMessage(), redirect);
		}
	}

	@PostMapping("/allocation/network/routes/import")
	String importRoutes(@RequestParam("file") MultipartFile file, Model model) throws java.io.IOException {
		try (var content = file.getInputStream()) {
			model.addAttribute("report", routeImport.load(file.getOriginalFilename(), content));
		}
		return network(null, null, 0, model);
	}

	private void indexes(Model model) {
		Map<String, Country> byIso3 = countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		model.addAttribute("countryIndex", byIso3);
		model.addAttribute("countryList", countries.all());
		// Stock is held and shipped as commodities, never as the food-balance groups that sum them.
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a)));
	}

}
