package org.iofs.fse.projects.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Investment pipeline", description = "Projects seeking finance, investors' interest, and the Secretariat's steps to a commitment")
class PipelineApiController {

	private final Pipeline pipeline;

	private final Proposals proposals;

	PipelineApiController(Pipeline pipeline, Proposals proposals) {
		this.pipeline = pipeline;
		this.proposals = proposals;
	}

	@PostMapping("/proposals/{proposal:[0-9]+}/decision")
	@Operation(summary = "The Secretariat accepts or declines a focal point's proposal, with a reply", tags = "Projects")
	Proposals.Proposal decide(@PathVariable long proposal, @RequestBody Proposals.Decision decision) {
		return proposals.decide(proposal, decision);
	}

	@GetMapping("/seeking-finance")
	@Operation(summary = "Published projects seeking finance with their funding gap in US dollars, largest gap first")
	List<Pipeline.Seeking> seeking() {
		return pipeline.seeking();
	}

	@PostMapping("/{id:[0-9]+}/interest")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A financial institution's staff or an IFPA company's member expresses interest for its organisation")
	Pipeline.Opportunity interest(@PathVariable long id, @RequestBody Pipeline.Interest interest) {
		return pipeline.expressInterest(id, interest);
	}

	@GetMapping("/opportunities")
	@Operation(summary = "The pipeline: every opportunity for the Secretariat, an investor's own for an investor")
	List<Pipeline.Opportunity> opportunities() {
		return pipeline.opportunities();
	}

	@PostMapping("/opportunities/{opportunity:[0-9]+}/steps")
	@Operation(summary = "The Secretariat moves an opportunity: due diligence, term sheet, committed (recorded as a commitment transaction) or declined")
	Pipeline.Opportunity step(@PathVariable long opportunity, @RequestBody Pipeline.Step step) {
		return pipeline.move(opportunity, step);
	}

}
