package org.iofs.fse.organisations.internal;

import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.Organisations;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Organisations accounts belong to (Secretariat reads; administrators write)")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	List<Organisation> list() {
		return organisations.all();
	}

	@GetMapping("/{id}")
	Organisation get(@PathVariable UUID id) {
		return organisations.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an organisation")
	Organisation create(@Valid @RequestBody NewOrganisation body) {
		return organisations.create(body);
	}

}
