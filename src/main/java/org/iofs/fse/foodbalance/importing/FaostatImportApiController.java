package org.iofs.fse.foodbalance.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.imports.ProblemPolicy;

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

	FaostatImportApiController(FaostatImporter importer) {
		this.importer = importer;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a FAOSTAT Food Balances file (normalized, wide, web export or bulk zip); "
			+ "422 with the report when it is rejected")
	ResponseEntity<ImportReport> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "reject") String onProblems) throws IOException {
		ProblemPolicy policy = switch (onProblems.toLowerCase(Locale.ROOT)) {
			case "reject" -> ProblemPolicy.REJECT;
			case "skip" -> ProblemPolicy.SKIP;
			default -> throw new InvalidInputException("onProblems", "must be reject or skip");
		};
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "is empty");
		}
		Path upload = Files.createTempFile("faostat-upload-", ".bin");
		try {
			file.transferTo(upload);
			ImportReport report = importer.importFile(upload, originalName(file), policy);
			HttpStatus status = report.outcome() == ImportReport.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
					: HttpStatus.OK;
			return ResponseEntity.status(status).body(report);
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	static String originalName(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "upload" : Path.of(name).getFileName().toString();
	}

}
