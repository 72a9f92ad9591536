package org.iofs.fse.foodbalance.importing;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.ImportProgress;

/**
 * The import page: upload a FAOSTAT file (htmx posts it and reports upload progress), read its report, and see
 * the imports done before.
 */
@Controller
@RequestMapping("/imports/faostat")
class FaostatImportController {

	static final int PAGE_SIZE = 20;

	private final FaostatImporter importer;

	private final ImportRuns runs;

	private final ImportFiles files;

	FaostatImportController(FaostatImporter importer, ImportRuns runs, ImportFiles files) {
		this.files = files;
		this.importer = importer;
		this.runs = runs;
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("runs", runs.recent(Math.max(page, 0), PAGE_SIZE));
		return "foodbalance/imports";
	}

	/** How far an import started from this page has read its file: polled by the page while it waits. */
	@GetMapping("/progress/{id}")
	@ResponseBody
	ResponseEntity<ImportProgress.Progress> progress(@PathVariable String id) {
		return ImportProgress.answer(importer.progress(id));
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "REJECT") ProblemPolicy onProblems,
			@RequestParam(required = false) String progressId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		String progress = progressId != null && progressId.matches("[A-Za-z0-9-]{8,64}") ? progressId : null;
		model.addAttribute("report", files.withTemporaryCopy(file,
				(upload, name) -> importer.importFile(upload, name, onProblems, progress)));
		String page = page(0, model);
		return htmx != null ? "foodbalance/imports :: results" : page;
	}

}
