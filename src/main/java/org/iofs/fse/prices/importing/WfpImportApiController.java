package org.iofs.fse.prices.importing;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@RequestMapping("/api/v1/imports/wfp-prices")
@Tag(name = "Price imports", description = "WFP food prices files from HDX (analysts, administrators)")
class WfpImportApiController {

	private final WfpPriceImporter importer;

	WfpImportApiController(WfpPriceImporter importer) {
		this.importer = importer;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a WFP food prices file (14 or 16 columns, with or without the HXL row); the country "
			+ "comes from the countryiso3 column, the country parameter or the file name wfp_food_prices_<iso3>.csv; "
			+ "422 with the report when it is rejected")
	ResponseEntity<PriceImportReport> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String country, @RequestParam(defaultValue = "reject") String onProblems)
			throws IOException {
		ProblemPolicy policy = ProblemPolicy.of("onProblems", onProblems);
		PriceImportReport report = Uploads.withTemporaryCopy(Uploads.requireContent(file),
				(upload, name) -> importer.importFile(upload, name, country, policy));
		HttpStatus status = report.outcome() == PriceImportReport.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(report);
	}

}
