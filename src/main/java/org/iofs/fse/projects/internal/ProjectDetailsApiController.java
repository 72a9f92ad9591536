package org.iofs.fse.projects.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.iofs.fse.shared.DocumentFile;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's results, budgets and documents: read by whoever may read the project, set by the Secretariat. */
@RestController
@RequestMapping("/api/v1/projects/{id:[0-9]+}")
@Tag(name = "Projects", description = "Regional cluster projects and investments, published as IATI 2.03 activities")
class ProjectDetailsApiController {

	private final ProjectResults results;

	private final Budgets budgets;

	private final ProjectDocuments documents;

	private final Proposals proposals;

	ProjectDetailsApiController(ProjectResults results, Budgets budgets, ProjectDocuments documents,
			Proposals proposals) {
		this.results = results;
		this.budgets = budgets;
		this.documents = documents;
		this.proposals = proposals;
	}

	@GetMapping("/proposals")
	@Operation(summary = "Updates proposed to a project by its members' focal points, for the Secretariat and those focal points")
	List<Proposals.Proposal> proposals(@PathVariable long id) {
		return proposals.of(id);
	}

	@PostMapping("/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A focal point of one of the project's member states proposes an update (topic and text)")
	Proposals.Proposal propose(@PathVariable long id, @RequestBody Proposals.NewProposal proposal) {
		return proposals.propose(id, proposal);
	}

	@GetMapping("/results")
	@Operation(summary = "A project's result indicators: baseline, yearly targets and actuals (measured from the platform's data when linked)")
	List<ProjectResults.Indicator> results(@PathVariable long id) {
		return results.of(id);
	}

	@PutMapping("/results")
	@Operation(summary = "The Secretariat sets a project's indicators, all of them; linked ones are measured at once")
	List<ProjectResults.Indicator> setResults(@PathVariable long id,
			@RequestBody List<ProjectResults.IndicatorInput> indicators) {
		results.replace(id, indicators);
		results.measure(id);
		return results.of(id);
	}

	@GetMapping("/budgets")
	@Operation(summary = "A project's yearly budgets and planned disbursements, each with its US dollar value")
	List<Budgets.Budget> budgets(@PathVariable long id) {
		return budgets.of(id);
	}

	@PutMapping("/budgets")
	@Operation(summary = "The Secretariat sets a project's budgets and planned disbursements, all of them; each period at most a year")
	List<Budgets.Budget> setBudgets(@PathVariable long id, @RequestBody List<Budgets.BudgetInput> given) {
		return budgets.replace(id, given);
	}

	@GetMapping("/documents")
	@Operation(summary = "A project's documents")
	List<ProjectDocuments.Document> documents(@PathVariable long id) {
		return documents.of(id);
	}

	@PostMapping("/documents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat adds a document as the request body (PDF, PNG or JPEG read from its bytes, at most 20 MB), with its titles, IATI category (A01 to A12) and date")
	ProjectDocuments.Document addDocument(@PathVariable long id, @RequestParam String titleEn,
			@RequestParam String titleAr, @RequestParam String titleFr, @RequestParam String category,
			@RequestParam LocalDate date, HttpServletRequest request) throws IOException {
		byte[] bytes = request.getInputStream().readNBytes(DocumentFile.MAX_BYTES + 1);
		return documents.add(id, titleEn, titleAr, titleFr, category, date, bytes);
	}

	@GetMapping("/documents/{document:[0-9]+}")
	@Operation(summary = "One document's file, for whoever may read the project")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long document) {
		ProjectDocuments.Content content = documents.content(id, document);
		String extension = switch (content.document().mediaType()) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			default -> ".jpg";
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().mediaType()))
			.header("X-Content-SHA256", content.document().sha256())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("project-" + id + "-document-" + document + extension).build().toString())
			.body(content.bytes());
	}

	@DeleteMapping("/documents/{document:[0-9]+}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "The Secretariat removes a document")
	void removeDocument(@PathVariable long id, @PathVariable long document) {
		documents.remove(id, document);
	}

}
