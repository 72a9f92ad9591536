package org.iofs.fse.strategy.internal;

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
@RequestMapping("/api/v1/imports/faostat-trade")
@Tag(name = "Trade matrix imports", description = "FAOSTAT Detailed Trade Matrix files (analysts, administrators)")
class TradeImportApiController {

	private final TradeMatrixImporter importer;

	private final ImportFiles files;

	TradeImportApiController(TradeMatrixImporter importer, ImportFiles files) {
		this.importer = importer;
		this.files = files;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a FAOSTAT Detailed Trade Matrix file (bulk normalized CSV, web export or bulk zip); "
			+ "422 with the report when it is rejected")
	ResponseEntity<TradeImportReport> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "reject") String onProblems) throws IOException {
		ProblemPolicy policy = ProblemPolicy.of("onProblems", onProblems);
		TradeImportReport report = files.withTemporaryCopy(Uploads.requireContent(file),
				(upload, name) -> importer.importFile(upload, name, policy));
		HttpStatus status = report.outcome() == TradeImportReport.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(report);
	}

}
