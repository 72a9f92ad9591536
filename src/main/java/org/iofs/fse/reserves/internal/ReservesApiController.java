package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reserves", description = "Regional reserve systems, their members and pledges; set up by administrators")
class ReservesApiController {

	record Restoration(BigDecimal tonnes) {
	}

	record ReserveView(ReserveSystems.Reserve reserve, List<ReserveSystems.MemberPosition> members,
			List<ReserveSystems.Pledge> pledges) {
	}

	private final ReserveSystems reserves;

	private final ReserveAdministration administration;

	ReservesApiController(ReserveSystems reserves, ReserveAdministration administration) {
		this.reserves = reserves;
		this.administration = administration;
	}

	@GetMapping("/api/v1/reserves")
	@Operation(summary = "The regional reserve systems")
	List<ReserveSystems.Reserve> all() {
		return reserves.all();
	}

	@GetMapping("/api/v1/reserves/{code}")
	@Operation(summary = "One reserve: per member pledged, to restore, stockpiled and in transit; its pledges")
	ReserveView one(@PathVariable String code) {
		ReserveSystems.Reserve reserve = reserves.get(code);
		return new ReserveView(reserve, reserves.members(reserve.code()), reserves.pledges(reserve.code(), null));
	}

	@PutMapping("/api/v1/reserves/{code}")
	@Operation(summary = "Create or update a reserve system and its members (administrators)")
	ReserveSystems.Reserve putReserve(@PathVariable String code, @RequestBody ReserveAdministration.ReserveSetup setup) {
		return administration.putReserve(code, setup);
	}

	@PostMapping("/api/v1/reserves/{code}/pledges")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a member's pledge of stock kept in its own storage (administrators)")
	ReserveSystems.Pledge addPledge(@PathVariable String code, @RequestBody ReserveAdministration.NewPledge pledge) {
		return administration.addPledge(code, pledge);
	}

	@PostMapping("/api/v1/reserves/{code}/pledges/{id}/restore")
	@Operation(summary = "Record tonnes a member restored to its pledge after a release (analysts)")
	ReserveSystems.Pledge restore(@PathVariable String code, @PathVariable long id, @RequestBody Restoration body) {
		return administration.restore(code, id, body.tonnes());
	}

	@PutMapping("/api/v1/hubs/{code}")
	@Operation(summary = "Create or update a hub with its capacities per commodity (administrators)")
	Hubs.Hub putHub(@PathVariable String code, @RequestBody ReserveAdministration.HubSetup setup) {
		return administration.putHub(code, setup);
	}

}
