package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/countries")
@Tag(name = "Countries", description = "The 57 OIC member states (public reference data)")
class CountryApiController {

	private final Countries countries;

	CountryApiController(Countries countries) {
		this.countries = countries;
	}

	@GetMapping
	@Operation(summary = "List the member states, optionally of one OIC group")
	List<Country> list(@Parameter(description = "OIC group: Arab, African or Asian (any letter case)")
	@RequestParam(required = false) String group) {
		if (group == null) {
			return countries.all();
		}
		OicGroup oicGroup = OicGroup.parse(group)
			.orElseThrow(() -> new InvalidInputException("group", "must be one of Arab, African, Asian, was '" + group + "'"));
		return countries.inGroup(oicGroup);
	}

	@GetMapping("/{iso3}")
	@Operation(summary = "One member state by its ISO 3166-1 alpha-3 code")
	Country get(@Parameter(description = "ISO 3166-1 alpha-3 code, for example YEM") @PathVariable String iso3) {
		return countries.get(iso3);
	}

}
