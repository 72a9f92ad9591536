package org.iofs.fse.trade.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A company's sites, contacts and documents; its export and its erasure. */
@RestController
@RequestMapping("/api/v1/trade/companies/{id}")
@Tag(name = "IFPA trade")
class CompanyDossierApiController {

	record ErasureRequest(String confirmRegistrationNumber) {
	}

	private final CompanyDossier dossier;

	CompanyDossierApiController(CompanyDossier dossier) {
		this.dossier = dossier;
	}

	@GetMapping("/sites")
	@Operation(summary = "A company's sites: public once the company is verified")
	List<CompanyDossier.Site> sites(@PathVariable UUID id) {
		return dossier.sites(id);
	}

	@GetMapping("/contacts")
	@Operation(summary = "A company's contacts, for its members and the Secretariat")
	List<CompanyDossier.Contact> contacts(@PathVariable UUID id) {
		return dossier.contacts(id);
	}

	@GetMapping("/documents")
	@Operation(summary = "A company's application documents, for its members and the Secretariat")
	List<CompanyDossier.DocumentInfo> documents(@PathVariable UUID id) {
		return dossier.documents(id);
	}

	@PostMapping("/documents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A company's member adds a document as the request body: a PDF, PNG or JPEG (read from its bytes), at most 20 MB; the same file twice is one document")
	CompanyDossier.DocumentInfo addDocument(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		byte[] bytes = request.getInputStream().readNBytes(org.iofs.fse.shared.DocumentFile.MAX_BYTES + 1);
		return dossier.addDocument(id, kind, fileName, bytes);
	}

	@GetMapping("/documents/{document}")
	@Operation(summary = "One application document, for the company's members and the Secretariat")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable long document) {
		CompanyDossier.Document found = dossier.document(id, document);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.info().contentType()))
			.header("X-Content-SHA256", found.info().sha256())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(found.info().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
			.body(found.content());
	}

	@DeleteMapping("/documents/{document}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "A company's member removes an application document")
	void removeDocument(@PathVariable UUID id, @PathVariable long document) {
		dossier.removeDocument(id, document);
	}

	@GetMapping("/export")
	@Operation(summary = "Everything the platform holds about the company's application: identity, sites, contacts, documents (listed), certificates")
	CompanyDossier.Export export(@PathVariable UUID id) {
		return dossier.export(id);
	}

	@PostMapping("/erasure")
	@Operation(summary = "A company's member has its contacts and documents erased, confirming with the registration number; the audit trail keeps that it happened")
	CompanyDossier.Erasure erase(@PathVariable UUID id, @RequestBody(required = false) ErasureRequest request) {
		return dossier.erase(id, request == null ? null : request.confirmRegistrationNumber());
	}

}
