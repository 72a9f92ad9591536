package org.iofs.fse.allocation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Allocation", description = "Least-cost, on-time plans from hub stock to member states, on the transport "
		+ "network; each plan downloadable as its solved MPS model and solution (the Secretariat)")
class AllocationApiController {

	/** The answer to a new plan: where it is, and what the solver found. */
	record Solved(long id, String status, Double objective, String solver, long solveMillis) {
	}

	record WhatIf(String label, PlanRequest.SettingsInput change) {
	}

	private final AllocationPlans plans;

	private final PlanReads reads;

	private final PlanDispatches dispatches;

	private final TransportNetwork network;

	private final RouteImport routeImport;

	AllocationApiController(AllocationPlans plans, PlanReads reads, PlanDispatches dispatches, TransportNetwork network,
			RouteImport routeImport) {
		this.plans = plans;
		this.reads = reads;
		this.dispatches = dispatches;
		this.network = network;
		this.routeImport = routeImport;
	}

	@PostMapping("/api/v1/allocation/plans")
	@Operation(summary = "Solve a plan for demands (country, commodity, tonnes, needBy, priority 1-5, substitutes, "
			+ "deliveryPoint) or for the approved release requests (fromApprovedRequests), with optional settings")
	ResponseEntity<Solved> solve(@RequestBody PlanRequest request) {
		return created(plans.solve(request));
	}

	@PostMapping("/api/v1/allocation/plans/{id}/what-if")
	@Operation(summary = "Solve a plan's demands again with routes closed or hubs emptied, to compare with it")
	ResponseEntity<Solved> whatIf(@PathVariable long id, @RequestBody WhatIf body) {
		return created(plans.whatIf(id, body.change(), body.label()));
	}

	private ResponseEntity<Solved> created(long id) {
		PlanReads.Summary s = reads.summary(id);
		return ResponseEntity.created(URI.create("/api/v1/allocation/plans/" + id))
			.body(new Solved(id, s.status(), s.objective(), s.solver(), s.solveMillis()));
	}

	@GetMapping("/api/v1/allocation/plans")
	@Operation(summary = "Plans, newest first")
	PageOf<PlanReads.Summary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return reads.list(page, size);
	}

	@GetMapping("/api/v1/allocation/plans/{id}")
	@Operation(summary = "A plan: summary (status, objective, cost, solve time), demands met and unmet with the "
			+ "reason, plan lines (lot, hub, route, mode, tonnes, cost, arrival), and what was asked")
	PlanReads.Plan one(@PathVariable long id) {
		return reads.get(id);
	}

	@GetMapping(value = "/api/v1/allocation/plans/{id}/model.mps", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "The plan's model as solved, in MPS format, for any other solver")
	ResponseEntity<?> mps(@PathVariable long id,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		return AllocationController.model(reads, id, acceptEncoding);
	}

	@GetMapping(value = "/api/v1/allocation/plans/{id}/solution.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "The solution: status, objective, and each non-zero variable of the MPS model with its value")
	ResponseEntity<String> solution(@PathVariable long id) {
		return AllocationController.download("plan-" + id + "-solution.txt", reads.solution(id));
	}

	@GetMapping("/api/v1/allocation/plans/{id}/flows")
	@Operation(summary = "Tonnes per hub, delivery point and mode, with coordinates, for a map")
	List<PlanReads.Flow> flows(@PathVariable long id, java.util.Locale locale) {
		return reads.flows(id, locale);
	}

	@PostMapping("/api/v1/allocation/plans/{id}/dispatches")
	@Operation(summary = "Turn the plan into draft dispatches of the release requests it serves (once)")
	PlanDispatches.Outcome draft(@PathVariable long id) {
		return dispatches.draft(id);
	}

	@GetMapping("/api/v1/allocation/delivery-points")
	@Operation(summary = "Delivery points (a port or city per member state), optionally of one country")
	List<TransportNetwork.DeliveryPoint> points(@RequestParam(required = false) String country) {
		return network.deliveryPoints(country);
	}

	@PutMapping("/api/v1/allocation/delivery-points/{code}")
	@Operation(summary = "Create or change a delivery point")
	TransportNetwork.DeliveryPoint putPoint(@PathVariable String code,
			@RequestBody TransportNetwork.DeliveryPointInput input) {
		return network.putDeliveryPoint(code, input);
	}

	@GetMapping("/api/v1/allocation/routes")
	@Operation(summary = "Routes, filtered by hub (from or to), mode or delivery point")
	PageOf<TransportNetwork.Route> routes(@RequestParam(required = false) String hub,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String point,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return network.routes(hub, mode, point, page, size);
	}

	@PutMapping("/api/v1/allocation/routes")
	@Operation(summary = "Add a route, or change the one with the same origin, destination and mode")
	TransportNetwork.Route putRoute(@RequestBody TransportNetwork.RouteInput input) {
		return network.putRoute(input);
	}

	@PostMapping(value = "/api/v1/allocation/routes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Load routes from CSV (origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,"
			+ "capacity_tonnes,open); a file with any problem is refused whole (400), naming line and column")
	ResponseEntity<RouteImport.Report> importRoutes(@RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream content = file.getInputStream()) {
			RouteImport.Report report = routeImport.load(file.getOriginalFilename(), content);
			return ResponseEntity.status("IMPORTED".equals(report.status()) ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
				.body(report);
		}
	}

}
