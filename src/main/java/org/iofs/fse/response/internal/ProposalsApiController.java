package org.iofs.fse.response.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.PageOf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Response proposals", description = "What the platform drafts after a price alert for the Secretariat "
		+ "to send, revise or dismiss: the member's situation, a draft release request, an allocation plan and the IFPA "
		+ "offers that could serve it")
class ProposalsApiController {

	record Dismissal(String note) {
	}

	private final ResponseProposals proposals;

	ProposalsApiController(ResponseProposals proposals) {
		this.proposals = proposals;
	}

	@GetMapping("/api/v1/response-proposals")
	@Operation(summary = "Response proposals the caller may read, newest first: each names its alert (member, "
			+ "commodity, month, indicator, band), its draft release request and where it stands, its plan id and what "
			+ "the plan found, the offers that could serve it, and its outcome (DRAFTED, SENT, DISMISSED)")
	PageOf<ResponseProposals.View> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String country, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return proposals.list(status, country, page, size);
	}

	@GetMapping("/api/v1/response-proposals/{id}")
	@Operation(summary = "One response proposal with its outcome")
	ResponseProposals.View get(@PathVariable long id) {
		return proposals.get(id);
	}

	@PostMapping("/api/v1/response-proposals/{id}/send")
	@Operation(summary = "Send a drafted proposal to the member's focal points, who may then submit its release "
			+ "request; the sender may not approve that request")
	ResponseProposals.View send(@PathVariable long id) {
		return proposals.send(id);
	}

	@PutMapping("/api/v1/response-proposals/{id}")
	@Operation(summary = "Revise a drafted proposal (tonnes, tier, payment for tier 2, need-by date); its draft "
			+ "request follows and its plan is solved again")
	ResponseProposals.View revise(@PathVariable long id, @RequestBody ResponseProposals.Revision revision) {
		return proposals.revise(id, revision);
	}

	@PostMapping("/api/v1/response-proposals/{id}/dismiss")
	@Operation(summary = "Dismiss a drafted proposal with the reason; its draft request is withdrawn")
	ResponseProposals.View dismiss(@PathVariable long id, @RequestBody Dismissal dismissal) {
		return proposals.dismiss(id, dismissal == null ? null : dismissal.note());
	}

}
