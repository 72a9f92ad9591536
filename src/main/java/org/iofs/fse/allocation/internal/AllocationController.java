package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.iofs.fse.shared.web.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final org.springframework.context.MessageSource messages;

	private final tools.jackson.databind.json.JsonMapper json;

	AllocationController(AllocationPlans plans, PlanReads reads, PlanDispatches dispatches, TransportNetwork network,
			RouteImport routeImport, Countries countries, Commodities commodities, Hubs hubs, Clock clock,
			org.springframework.context.MessageSource messages, tools.jackson.databind.json.JsonMapper json) {
		this.clock = clock;
		this.messages = messages;
		this.json = json;
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
			@RequestParam(defaultValue = "false") boolean ifpaOffers, RedirectAttributes redirect) {
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
							null, null), ifpaOffers));
			return "redirect:/allocation/plans/" + id;
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/plans", Refusal.of(ex), redirect);
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

	/** A route a what-if may close, named by where it goes: "Dakar port → Mali (road)". */
	record RouteChoice(long id, String from, String to, String mode) {
	}

	/** The routes the plan's lines use, the first leg of a transfer included: closing any other changes nothing. */
	private List<RouteChoice> routeChoices(PlanReads.Plan plan, Map<String, Hubs.Hub> hubIndex, Locale locale) {
		Map<Integer, PlanReads.DemandRow> demands = plan.demands().stream()
			.collect(Collectors.toMap(PlanReads.DemandRow::demandNo, Function.identity()));
		Map<Long, RouteChoice> choices = new java.util.LinkedHashMap<>();
		for (PlanReads.LineRow line : plan.lines()) {
			String[] modes = line.mode().split("\\+");
			String hub = name(hubIndex.get(line.hubCode()), line.hubCode(), locale);
			String country = countries.get(demands.get(line.demandNo()).country()).name(locale);
			if (line.viaRouteId() != null) {
				String via = name(hubIndex.get(line.viaHub()), line.viaHub(), locale);
				choices.putIfAbsent(line.viaRouteId(), new RouteChoice(line.viaRouteId(), hub, via, modes[0]));
				choices.putIfAbsent(line.routeId(), new RouteChoice(line.routeId(), via, country, modes[modes.length - 1]));
			}
			else {
				choices.putIfAbsent(line.routeId(), new RouteChoice(line.routeId(), hub, country, modes[modes.length - 1]));
			}
		}
		return List.copyOf(choices.values());
	}

	/** The modes' names in the reader's language, as JSON for the map's tooltips. */
	private String modeNames(Locale locale) {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		TransportNetwork.MODES.forEach(mode -> names.put(mode, messages.getMessage("allocation.mode." + mode, null, locale)));
		try {
			return json.writeValueAsString(names);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(Hubs.Hub hub, String code, Locale locale) {
		return hub == null ? code : hub.name(locale);
	}

	@GetMapping("/allocation/plans/{id}")
	String plan(@PathVariable long id, Locale locale, Model model) {
		PlanReads.Plan plan = reads.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("demandsByNo", plan.demands().stream()
			.collect(Collectors.toMap(PlanReads.DemandRow::demandNo, Function.identity())));
		model.addAttribute("baseline", plan.summary().baselineId() == null ? null : reads.get(plan.summary().baselineId()));
		model.addAttribute("canDraft", plan.summary().dispatchesDraftedAt() == null
				&& plan.demands().stream().anyMatch(d -> d.releaseRequestId() != null && d.metTonnes().signum() > 0));
		Map<String, Hubs.Hub> hubIndex = hubs.byCode();
		model.addAttribute("planHubs", plan.lines().stream().map(PlanReads.LineRow::hubCode).distinct()
			.map(hubIndex::get).filter(java.util.Objects::nonNull).toList());
		model.addAttribute("planRoutes", routeChoices(plan, hubIndex, locale));
		model.addAttribute("modeNames", modeNames(locale));
		indexes(model);
		return "allocation/plan";
	}

	// The page's own addresses for the downloads and the map: the API takes bearer tokens only, the pages a session.

	/**
	 * A plan's lines as a table to work on: one row per lot moved, with codes (for systems) beside names (for
	 * people) of the member, commodity, hub and delivery point.
	 */
	@GetMapping("/allocation/plans/{id}/lines.{format:csv|xlsx}")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> lines(
			@PathVariable long id, @PathVariable String format, Locale locale) {
		PlanReads.Plan plan = reads.get(id);
		Map<Integer, PlanReads.DemandRow> demands = plan.demands().stream()
			.collect(Collectors.toMap(PlanReads.DemandRow::demandNo, Function.identity()));
		Map<String, Hubs.Hub> hubIndex = hubs.byCode();
		Map<String, TransportNetwork.DeliveryPoint> points = network.deliveryPoints(null).stream()
			.collect(Collectors.toMap(TransportNetwork.DeliveryPoint::code, Function.identity()));
		List<List<Object>> rows = plan.lines().stream().map(line -> {
			PlanReads.DemandRow demand = demands.get(line.demandNo());
			TransportNetwork.DeliveryPoint point = points.get(demand.deliveryPoint());
			return List.<Object>of(id, line.lineNo(), line.demandNo(),
					demand.releaseRequestId() == null ? "" : demand.releaseRequestId(), demand.country(),
					countries.get(demand.country()).name(locale), line.commodity(),
					commodities.find(line.commodity()).map(c -> c.name(locale)).orElse(line.commodity()), line.lotId(),
					line.hubCode(), name(hubIndex.get(line.hubCode()), line.hubCode(), locale),
					line.viaHub() == null ? "" : line.viaHub(), line.routeId(),
					line.viaRouteId() == null ? "" : line.viaRouteId(), line.mode(),
					demand.deliveryPoint() == null ? "" : demand.deliveryPoint(),
					point == null ? "" : point.name(locale), line.tonnes(), line.cost(), line.departure(), line.arrival());
		}).toList();
		return org.iofs.fse.shared.web.TableDownload.of("allocation-plan-" + id + "-lines",
				org.iofs.fse.shared.web.TableDownload.format(format),
				List.of("plan", "line", "demand", "release_request", "iso3", "country", "commodity_code", "commodity",
						"lot", "hub_code", "hub", "via_hub_code", "route", "via_route", "mode", "delivery_point_code",
						"delivery_point", "tonnes", "cost_usd", "departure", "arrival"),
				rows);
	}

	@GetMapping(value = "/allocation/plans/{id}/model.mps", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<?> mps(@PathVariable long id,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return model(reads, id, acceptEncoding);
	}

	/**
	 * A plan's MPS model: to a reader that accepts gzip, the gzipped copy the plan keeps, as it is (a 60-hub model is
	 * 20 MB of text and 3.6 MB gzipped); to others, and for plans kept before, the text.
	 */
	static ResponseEntity<?> model(PlanReads reads, long id, String acceptEncoding) {
		String fileName = "plan-" + id + ".mps";
		if (acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
			Optional<byte[]> gzipped = reads.gzippedMps(id);
			if (gzipped.isPresent()) {
				return ResponseEntity.ok()
					.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
					.header(HttpHeaders.CONTENT_ENCODING, "gzip")
					.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
					.contentType(MediaType.TEXT_PLAIN)
					.body(gzipped.get());
			}
		}
		return download(fileName, reads.mps(id));
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
	List<PlanReads.Flow> flows(@PathVariable long id, java.util.Locale locale) {
		return reads.flows(id, locale);
	}

	@PostMapping("/allocation/plans/{id}/what-if")
	String whatIf(@PathVariable long id, @RequestParam(required = false) List<String> closedRoutes,
			@RequestParam(required = false) List<String> emptyHubs, @RequestParam(required = false) String label,
			RedirectAttributes redirect) {
		try {
			// Picked from the plan's routes; a list typed by hand ("12, 14") is read too.
			List<Long> closed = closedRoutes == null ? List.of()
					: closedRoutes.stream().flatMap(given -> Arrays.stream(given.split("[,\\s]+")))
						.filter(s -> !s.isBlank()).map(Long::valueOf).toList();
			long whatIf = plans.whatIf(id, new PlanRequest.SettingsInput(null, null, null, null, null, null, closed,
					emptyHubs == null ? List.of() : emptyHubs, null), label);
			return "redirect:/allocation/plans/" + whatIf;
		}
		catch (NumberFormatException ex) {
			return refused("/allocation/plans/" + id, Refusal.invalid("closedRoutes", ex.getMessage()), redirect);
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/plans/" + id, Refusal.of(ex), redirect);
		}
	}

	@PostMapping("/allocation/plans/{id}/dispatches")
	String draft(@PathVariable long id, RedirectAttributes redirect) {
		try {
			PlanDispatches.Outcome outcome = dispatches.draft(id);
			return "redirect:/allocation/plans/" + id + "?drafted=" + outcome.drafts();
		}
		catch (ConflictException ex) {
			return refused("/allocation/plans/" + id, Refusal.of(ex), redirect);
		}
	}

	/**
	 * A refused form goes back to its page with the reason (post, redirect, get): reloading or switching the
	 * language never posts it again nor lands on an address that only takes forms.
	 */
	private static String refused(String page, Refusal reason, RedirectAttributes redirect) {
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
			return refused("/allocation/network", Refusal.of(ex), redirect);
		}
	}

	@PostMapping("/allocation/network/points")
	String putPoint(@RequestParam String code, @RequestParam(required = false) String country,
			@RequestParam(required = false) String name, @RequestParam(required = false) String nameAr,
			@RequestParam(required = false) String nameFr, @RequestParam(required = false) String kind,
			@RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude,
			@RequestParam(defaultValue = "false") boolean main, RedirectAttributes redirect) {
		try {
			network.putDeliveryPoint(code, new TransportNetwork.DeliveryPointInput(country, name, nameAr, nameFr, kind,
					latitude, longitude, main));
			return "redirect:/allocation/network?saved=point";
		}
		catch (InvalidInputException ex) {
			return refused("/allocation/network", Refusal.of(ex), redirect);
		}
	}

	/** The file's report is shown on the network page after a redirect, so a reload never loads the file again. */
	@PostMapping("/allocation/network/routes/import")
	String importRoutes(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws java.io.IOException {
		try (var content = file.getInputStream()) {
			redirect.addFlashAttribute("report", routeImport.load(file.getOriginalFilename(), content));
		}
		return "redirect:/allocation/network";
	}

	private void indexes(Model model) {
		Map<String, Country> byIso3 = countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		model.addAttribute("countryIndex", byIso3);
		model.addAttribute("countryList", countries.all());
		model.addAttribute("hubIndex", hubs.byCode());
		model.addAttribute("pointIndex", network.deliveryPoints(null).stream()
			.collect(Collectors.toMap(TransportNetwork.DeliveryPoint::code, Function.identity())));
		// Stock is held and shipped as commodities, never as the food-balance groups that sum them.
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a)));
	}

}
