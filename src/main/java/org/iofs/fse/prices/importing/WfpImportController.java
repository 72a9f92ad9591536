package org.iofs.fse.prices.importing;

import java.io.IOException;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ImportProgress;
import org.iofs.fse.shared.imports.ProblemPolicy;

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

/** The WFP price import page: upload a file with a live progress bar, read its report, see earlier imports. */
@Controller
@RequestMapping("/imports/wfp-prices")
class WfpImportController {

	static final int PAGE_SIZE = 20;

	private final WfpPriceImporter importer;

	private final Countries countries;

	private final PriceImportRuns runs;

	private final ImportFiles files;

	WfpImportController(WfpPriceImporter importer, Countries countries, PriceImportRuns runs, ImportFiles files) {
		this.files = files;
		this.importer = importer;
		this.countries = countries;
		this.runs = runs;
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("runs", runs.recent(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("members", countries.all());
		return "prices/imports";
	}

	/** How far an import started from this page has read its file: polled by the page while it waits. */
	@GetMapping("/progress/{id}")
	@ResponseBody
	ResponseEntity<ImportProgress.Progress> progress(@PathVariable String id) {
		return ImportProgress.answer(importer.progress(id));
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String country,
			@RequestParam(defaultValue = "REJECT") ProblemPolicy onProblems,
			@RequestParam(required = false) String progressId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		String progress = progressId != null && progressId.matches("[A-Za-z0-9-]{8,64}") ? progressId : null;
		String fileCountry = country == null || country.isBlank() ? null : country;
		model.addAttribute("report", files.withTemporaryCopy(file,
				(upload, name) -> importer.importFile(upload, name, fileCountry, onProblems, progress)));
		String page = page(0, model);
		return htmx != null ? "prices/imports :: results" : page;
	}

}
