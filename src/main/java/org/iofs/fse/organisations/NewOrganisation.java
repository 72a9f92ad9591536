package org.iofs.fse.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator gives to create an organisation (form and API body). */
public record NewOrganisation(@NotNull OrganisationType type,
		@Pattern(regexp = "[A-Za-z]{3}", message = "{validation.iso3}") String countryIso3,
		@NotBlank @Size(max = 200) String nameEn, @NotBlank @Size(max = 200) String nameAr,
		@NotBlank @Size(max = 200) String nameFr) {

	public NewOrganisation {
		countryIso3 = countryIso3 == null || countryIso3.isBlank() ? null : countryIso3.trim();
	}

}
