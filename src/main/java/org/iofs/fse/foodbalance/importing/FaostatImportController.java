package org.iofs.fse.foodbalance.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

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

	FaostatImportController(FaostatImporter importer, ImportRuns runs) {
		this.importer = importer;
		this.runs = runs;
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("runs", runs.recent(Math.max(page, 0), PAGE_SIZE));
		return "foodbalance/imports";
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "REJECT") ProblemPolicy onProblems,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		Path upload = Files.createTempFile("faostat-upload-", ".bin");
		try {
			file.transferTo(upload);
			model.addAttribute("report", importer.importFile(upload, FaostatImportApiController.originalName(file), onProblems));
		}
		finally {
			Files.deleteIfExists(upload);
		}
		if (htmx != null) {
			return "foodbalance/imports :: report";
		}
		return page(0, model);
	}

}
