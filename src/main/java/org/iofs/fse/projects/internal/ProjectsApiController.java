package org.iofs.fse.projects.internal;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Regional cluster projects and investments, published as IATI 2.03 activities")
class ProjectsApiController {

	private final Projects projects;

	private final IatiExport iati;

	private final DacSectors sectors;

	private final Clock clock;

	private final Financing financing;

	private final IatiImport imports;

	ProjectsApiController(Projects projects, IatiExport iati, DacSectors sectors, Clock clock, Financing financing,
			IatiImport imports) {
		this.imports = imports;
		this.financing = financing;
		this.projects = projects;
		this.iati = iati;
		this.sectors = sectors;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Projects the caller may read (published ones for everyone), newest first; one member's with country")
	List<Projects.Project> list(@RequestParam(required = false) String country) {
		return projects.list(country);
	}

	@GetMapping("/{id:[0-9]+}")
	@Operation(summary = "One project: published for everyone, unpublished for the Secretariat and its members' focal points")
	Projects.Project get(@PathVariable long id) {
		return projects.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a project; member-state and sector percentages each sum to 100")
	Projects.Project create(@RequestBody Projects.Input input) {
		return projects.create(input);
	}

	@PutMapping("/{id:[0-9]+}")
	@Operation(summary = "The Secretariat updates a project, in full")
	Projects.Project update(@PathVariable long id, @RequestBody Projects.Input input) {
		return projects.update(id, input);
	}

	@GetMapping("/{id:[0-9]+}/transactions")
	@Operation(summary = "A project's financing transactions, each with its Islamic mode, IATI finance type and US dollar value")
	List<Financing.Transaction> transactions(@PathVariable long id) {
		return financing.of(id);
	}

	@PostMapping("/{id:[0-9]+}/transactions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a commitment (2), disbursement (3), expenditure (4), repayment (6) or incoming funds (1, 11)")
	Financing.Transaction record(@PathVariable long id, @RequestBody Financing.NewTransaction transaction) {
		return financing.record(id, transaction);
	}

	@PostMapping("/fx-rates")
	@Operation(summary = "The Secretariat loads monthly rates as CSV (currency,month,usd_per_unit); checked whole, then written at once")
	Financing.RatesLoaded rates(@RequestParam(defaultValue = "rates.csv") String fileName, @RequestBody String csv) {
		return financing.loadRates(fileName, csv);
	}

	@PostMapping("/iati-import")
	@Operation(summary = "The Secretariat seeds projects from another publisher's IATI 2.03 activity file (the body): checked whole against the schema and the platform's rules, refused whole when invalid; activities outside the platform's scope are listed, not imported; the same file again changes nothing")
	IatiImport.Report importActivities(@RequestParam(defaultValue = "activities.xml") String fileName,
			jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
		return imports.load(fileName, request.getInputStream().readNBytes(org.iofs.fse.shared.DocumentFile.MAX_BYTES + 1));
	}

	@GetMapping("/financing")
	@Operation(summary = "Committed against disbursed US dollars of published projects, by project, financier, country or year")
	List<Financing.Totals> financing(@RequestParam(defaultValue = "project") String by) {
		return financing.totals(by);
	}

	@GetMapping("/sectors")
	@Operation(summary = "The DAC 5-digit sectors a project may name, in three languages")
	List<DacSectors.Sector> sectors() {
		return sectors.all();
	}

	@GetMapping(value = "/iati-activities.xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "Every published project as one IATI 2.03 activity file, streamed")
	ResponseEntity<StreamingResponseBody> iatiActivities() {
		List<Long> published = projects.publishedIds();
		return xml(out -> write(published, out));
	}

	@GetMapping(value = "/{id:[0-9]+}/iati-activity.xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "One project as an IATI 2.03 activity file")
	ResponseEntity<StreamingResponseBody> iatiActivity(@PathVariable long id) {
		Projects.Project project = projects.get(id);
		return xml(out -> write(List.of(project.id()), out));
	}

	private void write(List<Long> ids, java.io.OutputStream out) throws java.io.IOException {
		try {
			iati.write(ids, out, clock.instant());
		}
		catch (javax.xml.stream.XMLStreamException ex) {
			throw new java.io.IOException(ex);
		}
	}

	private static ResponseEntity<StreamingResponseBody> xml(StreamingResponseBody body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
	}

}
