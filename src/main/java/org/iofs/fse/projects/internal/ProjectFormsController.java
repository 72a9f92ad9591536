package org.iofs.fse.projects.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.DocumentFile;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the project pages: an investor's interest and the Secretariat's pipeline steps, a project's
 * documents, a focal point's proposal and the Secretariat's decision; and the pipeline page. Each posts, then
 * redirects back to its page, with the refusal named when the service refused.
 */
@Controller
class ProjectFormsController {

	private final Pipeline pipeline;

	private final ProjectDocuments documents;

	private final Proposals proposals;

	private final Projects projects;

	private final Organisations organisations;

	ProjectFormsController(Pipeline pipeline, ProjectDocuments documents, Proposals proposals, Projects projects,
			Organisations organisations) {
		this.pipeline = pipeline;
		this.documents = documents;
		this.proposals = proposals;
		this.projects = projects;
		this.organisations = organisations;
	}

	/** The pipeline: projects seeking finance, and the opportunities the reader may follow. */
	@GetMapping("/projects/pipeline")
	String pipeline(Model model) {
		var opportunities = pipeline.opportunities();
		var seeking = pipeline.seeking();
		model.addAttribute("seeking", seeking);
		model.addAttribute("opportunities", opportunities);
		model.addAttribute("investorNames", pipeline.investorNames(opportunities));
		List<Long> shown = java.util.stream.Stream.concat(seeking.stream().map(Pipeline.Seeking::project),
				opportunities.stream().map(Pipeline.Opportunity::project)).distinct().toList();
		model.addAttribute("titles", projects.loadAll(shown).stream()
			.collect(Collectors.toMap(Projects.Project::id, Function.identity())).entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> e.getValue().titles().in(org.springframework.context.i18n.LocaleContextHolder.getLocale()))));
		return "projects/pipeline";
	}

	@PostMapping("/projects/{id:[0-9]+}/interest")
	String interest(@PathVariable long id, @RequestParam(required = false) String amountUsd,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> pipeline.expressInterest(id, new Pipeline.Interest(amount(amountUsd), mode,
				note)), opened -> "/projects/" + id + "#project-gap", "/projects/" + id, redirect);
	}

	@PostMapping("/projects/opportunities/{opportunity:[0-9]+}/steps")
	String step(@PathVariable long opportunity, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		String page = back != null && back.matches("/projects(/[0-9]+|/pipeline)") ? back : "/projects/pipeline";
		return Refusal.redirectAfter(() -> pipeline.move(opportunity, new Pipeline.Step(status, note, null)),
				moved -> page, page, redirect);
	}

	@PostMapping("/projects/{id:[0-9]+}/documents")
	String addDocument(@PathVariable long id, @RequestParam(required = false) String titleEn,
			@RequestParam(required = false) String titleAr, @RequestParam(required = false) String titleFr,
			@RequestParam(required = false) String category, @RequestParam(required = false) String date,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		byte[] bytes = file == null ? new byte[0] : file.getInputStream().readNBytes(DocumentFile.MAX_BYTES + 1);
		return Refusal.redirectAfter(() -> documents.add(id, titleEn, titleAr, titleFr, category,
				day(date), bytes), added -> "/projects/" + id + "#project-documents", "/projects/" + id, redirect);
	}

	@PostMapping("/projects/{id:[0-9]+}/documents/{document:[0-9]+}/remove")
	String removeDocument(@PathVariable long id, @PathVariable long document, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> {
			documents.remove(id, document);
			return document;
		}, removed -> "/projects/" + id + "#project-documents", "/projects/" + id, redirect);
	}

	@PostMapping("/projects/{id:[0-9]+}/proposals")
	String propose(@PathVariable long id, @RequestParam(required = false) String country,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> proposals.propose(id, new Proposals.NewProposal(country, topic, text)),
				proposed -> "/projects/" + id + "#project-proposals", "/projects/" + id, redirect);
	}

	@PostMapping("/projects/proposals/{proposal:[0-9]+}/decision")
	String decide(@PathVariable long proposal, @RequestParam(required = false) Boolean accept,
			@RequestParam(required = false) String reply, @RequestParam long project, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> proposals.decide(proposal, new Proposals.Decision(accept, reply)),
				decided -> "/projects/" + decided.project() + "#project-proposals", "/projects/" + project, redirect);
	}

	private static BigDecimal amount(String text) {
		try {
			return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("amountUsd", "is not a number");
		}
	}

	private static LocalDate day(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("date", "is not a date like 2026-12-01");
		}
	}

}
