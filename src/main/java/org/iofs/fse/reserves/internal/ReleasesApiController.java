package org.iofs.fse.reserves.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reserve releases", description = "Release requests by tier and their workflow, one endpoint per transition")
class ReleasesApiController {

	record Note(String note) {
	}

	record Settlement(LocalDate settledOn) {
	}

	private final Releases releases;

	private final ReleaseReads reads;

	private final ReleaseProposals proposals;

	ReleasesApiController(Releases releases, ReleaseReads reads, ReleaseProposals proposals) {
		this.proposals = proposals;
		this.releases = releases;
		this.reads = reads;
	}

	@PostMapping("/api/v1/releases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft a release request for your country (country focal points): reserve, commodity, tonnes, "
			+ "delivery point, need-by date, tier 1 to 3 (payment CASH, LOAN or GRANT for tier 2), justification and "
			+ "the lines of defence already used")
	Releases.Request create(@RequestBody Releases.NewRequest request) {
		return releases.create(request);
	}

	@GetMapping("/api/v1/releases")
	@Operation(summary = "Release requests, newest first (a focal point: their country's; the Secretariat: all; hub "
			+ "operators: those approved or dispatched)")
	List<Releases.Request> list(@RequestParam(required = false) String country,
			@RequestParam(required = false) String status) {
		return reads.list(country, status);
	}

	@GetMapping("/api/v1/releases/{id}")
	@Operation(summary = "One request with its time-stamped transitions, approvals, shipments and obligation")
	Releases.Detail one(@PathVariable long id) {
		return reads.detail(id);
	}

	@PostMapping("/api/v1/releases/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat proposes a release request to a member's focal points (country, commodity, "
			+ "reason); they see it on their release page and draft the request from it")
	ReleaseProposals.Proposal propose(@RequestBody ProposalRequest body) {
		return proposals.propose(body.country(), body.commodity(), body.reason());
	}

	record ProposalRequest(String country, String commodity, String reason) {
	}

	@PostMapping("/api/v1/releases/{id}/submit")
	@Operation(summary = "Submit a draft (the requesting country)")
	Releases.Request submit(@PathVariable long id) {
		return releases.submit(id);
	}

	@PostMapping("/api/v1/releases/{id}/assess")
	@Operation(summary = "Write the decision note (analysts)")
	Releases.Request assess(@PathVariable long id, @RequestBody Note note) {
		return releases.assess(id, note.note());
	}

	@PostMapping("/api/v1/releases/{id}/approve")
	@Operation(summary = "Approve one step of the approval chain (never the requester; 409 otherwise)")
	Releases.Request approve(@PathVariable long id) {
		return releases.approve(id);
	}

	@PostMapping("/api/v1/releases/{id}/reject")
	@Operation(summary = "Reject with a note (analysts)")
	Releases.Request reject(@PathVariable long id, @RequestBody Note note) {
		return releases.reject(id, note.note());
	}

	@PostMapping("/api/v1/releases/{id}/dispatch")
	@Operation(summary = "Dispatch from a hub (its operators): lots picked FEFO into one shipment")
	Releases.Request dispatch(@PathVariable long id, @RequestBody Releases.Dispatch dispatch) {
		return releases.dispatch(id, dispatch);
	}

	@PostMapping("/api/v1/releases/{id}/deliver")
	@Operation(summary = "Confirm delivery (the requesting country): tonnes received and their condition")
	Releases.Request deliver(@PathVariable long id, @RequestBody Releases.Delivery delivery) {
		return releases.deliver(id, delivery);
	}

	@PostMapping("/api/v1/releases/{id}/obligation/settle")
	@Operation(summary = "Record that the obligation of a tier 1 or 2 release was settled (analysts)")
	Releases.Detail settle(@PathVariable long id, @RequestBody Settlement settlement) {
		return releases.settle(id, settlement == null ? null : settlement.settledOn());
	}

	@PostMapping("/api/v1/releases/{id}/close")
	@Operation(summary = "Close a delivered or rejected request (analysts)")
	Releases.Request close(@PathVariable long id) {
		return releases.close(id);
	}

}
