package org.iofs.fse.rotation.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rotation", description = "Lots near expiry sold through IFPA by the reserve's trading desk, each sale "
		+ "replenished by a drafted salam purchase")
class RotationApiController {

	record OfferInput(BigDecimal pricePerTonne) {
	}

	record DeskInput(UUID company) {
	}

	private final Rotations rotations;

	RotationApiController(Rotations rotations) {
		this.rotations = rotations;
	}

	@PostMapping("/api/v1/hubs/{code}/lots/{lot:[0-9]+}/rotation")
	@Operation(summary = "Sell a lot near expiry through IFPA: the reserve's trading desk offers all its tonnes at the "
			+ "price given (US$ per tonne, FCA the hub), deliverable until a week before its best-before date")
	Rotations.Rotation offer(@PathVariable String code, @PathVariable long lot, @RequestBody OfferInput input) {
		return rotations.offer(code, lot, input == null ? null : input.pricePerTonne());
	}

	@GetMapping("/api/v1/hubs/{code}/rotations")
	@Operation(summary = "A hub's rotations, newest first: the offer, the tonnes sold and the salam purchases drafted "
			+ "to replenish them (for those who may read the hub's ledger; an empty list for others)")
	List<Rotations.Rotation> ofHub(@PathVariable String code) {
		return rotations.ofHub(code);
	}

	@PutMapping("/api/v1/reserves/{code}/desk")
	@Operation(summary = "Link a reserve to the verified IFPA company that sells its rotated lots (administrators)")
	Map<String, Object> linkDesk(@PathVariable String code, @RequestBody DeskInput input) {
		rotations.linkDesk(code, input == null ? null : input.company());
		return Map.of("reserve", code, "company", String.valueOf(input.company()));
	}

}
