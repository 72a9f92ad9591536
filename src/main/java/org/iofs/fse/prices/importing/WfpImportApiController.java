package org.iofs.fse.prices.importing;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Price imports", description = "WFP food prices files from HDX and consumer price indices (analysts, administrators)")
class WfpImportApiController {

	private final WfpPriceImporter importer;

	private final CpiImporter cpi;

	private final ImportFiles files;

	WfpImportApiController(WfpPriceImporter importer, CpiImporter cpi, ImportFiles files) {
		this.files = files;
		this.importer = importer;
		this.cpi = cpi;
	}

	@PostMapping(path = "/api/v1/imports/cpi", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import monthly food consumer price indices (CSV: country,month,value[,source]) for the "
			+ "indicators on deflated prices; 422 with the report when it is rejected")
	ResponseEntity<PriceImportReport> importCpi(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "reject") String onProblems) throws IOException {
		ProblemPolicy policy = ProblemPolicy.of("onProblems", onProblems);
		PriceImportReport report = files.withTemporaryCopy(Uploads.requireContent(file),
				(upload, name) -> cpi.importFile(upload, name, policy));
		return ResponseEntity.status(report.outcome() == PriceImportReport.Outcome.REJECTED
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@PostMapping(path = "/api/v1/imports/wfp-prices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a WFP food prices file (14 or 16 columns, with or without the HXL row); the country "
			+ "comes from the countryiso3 column, the country parameter or the file name wfp_food_prices_<iso3>.csv; "
			+ "422 with the report when it is rejected")
	ResponseEntity<PriceImportReport> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String country, @RequestParam(defaultValue = "reject") String onProblems)
			throws IOException {
		ProblemPolicy policy = ProblemPolicy.of("onProblems", onProblems);
		PriceImportReport report = files.withTemporaryCopy(Uploads.requireContent(file),
				(upload, name) -> importer.importFile(upload, name, country, policy));
		HttpStatus status = report.outcome() == PriceImportReport.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(report);
	}

}
