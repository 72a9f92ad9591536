package org.iofs.fse.engagements.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.iofs.fse.shared.DocumentFile;
import org.iofs.fse.shared.PageOf;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Engagements", description = "Visits, missions, meetings, memoranda of understanding and follow-up actions")
class EngagementsApiController {

	private final Engagements engagements;

	private final Memoranda memoranda;

	private final Actions actions;

	private final EngagementDocuments documents;

	EngagementsApiController(Engagements engagements, Memoranda memoranda, Actions actions,
			EngagementDocuments documents) {
		this.engagements = engagements;
		this.memoranda = memoranda;
		this.actions = actions;
		this.documents = documents;
	}

	@GetMapping("/api/v1/engagements")
	@Operation(summary = "The engagements the caller may read, newest first: all for the Secretariat, those shared with their member for a focal point, none for others")
	PageOf<Engagements.Engagement> list(@RequestParam(required = false) String country,
			@RequestParam(required = false) UUID partner, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String topic, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		String[] parts = topic == null ? new String[0] : topic.split(":", 2);
		return engagements.list(new Engagements.Filters(country, partner, kind, parts.length > 0 ? parts[0] : null,
				parts.length > 1 ? parts[1] : null, from, to, q), page, size);
	}

	@GetMapping("/api/v1/engagements/{id:[0-9]+}")
	@Operation(summary = "One engagement; its minutes only for a reader who may read them")
	Engagements.Engagement get(@PathVariable long id) {
		return engagements.get(id);
	}

	@PostMapping("/api/v1/engagements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records an engagement: kind, titles, dates, place, member states, partners, participants, topics, commitments, agenda, minutes, sharing")
	Engagements.Engagement create(@RequestBody Engagements.Input input) {
		return engagements.create(input);
	}

	@PutMapping("/api/v1/engagements/{id:[0-9]+}")
	@Operation(summary = "The Secretariat updates an engagement, in full")
	Engagements.Engagement update(@PathVariable long id, @RequestBody Engagements.Input input) {
		return engagements.update(id, input);
	}

	@GetMapping("/api/v1/engagements/{id:[0-9]+}/documents")
	@Operation(summary = "An engagement's documents")
	List<EngagementDocuments.Document> documents(@PathVariable long id) {
		return documents.of(id);
	}

	@PostMapping("/api/v1/engagements/{id:[0-9]+}/documents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat adds a document as the request body: a PDF, PNG or JPEG (read from its bytes), at most 20 MB")
	EngagementDocuments.Document addDocument(@PathVariable long id, @RequestParam String title,
			HttpServletRequest request) throws IOException {
		return documents.add(id, null, title, request.getInputStream().readNBytes(DocumentFile.MAX_BYTES + 1));
	}

	@GetMapping("/api/v1/engagements/documents/{document:[0-9]+}")
	@Operation(summary = "A document's file, for whoever may read its engagement or memorandum")
	ResponseEntity<byte[]> document(@PathVariable long document) {
		EngagementDocuments.Content content = documents.content(document);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().mediaType()))
			.header("X-Content-SHA256", content.document().sha256())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("document-" + document + (content.document().mediaType().endsWith("pdf") ? ".pdf"
						: content.document().mediaType().endsWith("png") ? ".png" : ".jpg"))
				.build().toString())
			.body(content.bytes());
	}

	@GetMapping("/api/v1/memoranda")
	@Operation(summary = "The memoranda of understanding the caller may read: all for the Secretariat, their member's for a focal point")
	List<Memoranda.Memorandum> memoranda(@RequestParam(required = false) String country,
			@RequestParam(required = false) String status) {
		return memoranda.list(country, status);
	}

	@GetMapping("/api/v1/memoranda/{id:[0-9]+}")
	@Operation(summary = "One memorandum")
	Memoranda.Memorandum memorandum(@PathVariable long id) {
		return memoranda.get(id);
	}

	@PostMapping("/api/v1/memoranda")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a memorandum (a draft): subject in three languages, parties, dates")
	Memoranda.Memorandum createMemorandum(@RequestBody Memoranda.Input input) {
		return memoranda.create(input);
	}

	@PostMapping("/api/v1/memoranda/{id:[0-9]+}/status")
	@Operation(summary = "The Secretariat moves a memorandum: negotiating, signed (with its date), in force (with its end), terminated")
	Memoranda.Memorandum move(@PathVariable long id, @RequestBody Memoranda.Step step) {
		return memoranda.move(id, step);
	}

	@PostMapping("/api/v1/memoranda/{id:[0-9]+}/document")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat attaches the memorandum's text as the request body (PDF, PNG or JPEG, at most 20 MB)")
	EngagementDocuments.Document memorandumDocument(@PathVariable long id, @RequestParam String title,
			HttpServletRequest request) throws IOException {
		return documents.add(null, id, title, request.getInputStream().readNBytes(DocumentFile.MAX_BYTES + 1));
	}

	@GetMapping("/api/v1/actions")
	@Operation(summary = "Follow-up actions the caller may see: all for the Secretariat, ?mine=true for one's own; one's own for others")
	List<Actions.FollowUp> actions(@RequestParam(defaultValue = "false") boolean mine) {
		return actions.list(mine);
	}

	@PostMapping("/api/v1/actions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat gives an engagement or a memorandum a follow-up action: title, owner (username), due date")
	Actions.FollowUp createAction(@RequestBody Actions.NewAction action) {
		return actions.create(action);
	}

	@PostMapping("/api/v1/actions/{id:[0-9]+}")
	@Operation(summary = "The owner or the Secretariat moves an action (needs action, in progress, completed, cancelled) or comments on it")
	Actions.FollowUp updateAction(@PathVariable long id, @RequestBody Actions.Update update) {
		return actions.update(id, update);
	}

}
