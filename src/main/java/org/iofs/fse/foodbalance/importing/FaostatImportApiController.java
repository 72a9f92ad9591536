package org.iofs.fse.foodbalance.importing;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports/faostat")
@Tag(name = "Food balance imports", description = "FAOSTAT Food Balances files (analysts, administrators)")
class FaostatImportApiController {

	private final FaostatImporter importer;

	private final ImportFiles files;

	FaostatImportApiController(FaostatImporter importer, ImportFiles files) {
		this.files = files;
		this.importer = importer;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a FAOSTAT Food Balances file (normalized, wide, web export or bulk zip); "
			+ "422 with the report when it is rejected")
	ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "reject") String onProblems) throws IOException {
		ProblemPolicy policy = ProblemPolicy.of("onProblems", onProblems);
		ImportReport report = files.withTemporaryCopy(Uploads.requireContent(file),
				(upload, name) -> importer.importFile(upload, name, policy));
		HttpStatus status = report.outcome() == ImportReport.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(report);
	}

}
