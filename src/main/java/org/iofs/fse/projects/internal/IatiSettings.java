package org.iofs.fse.projects.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who reports the IATI activities. IOFS has no IATI organisation identifier yet: set {@code fse.projects.iati.
 * reporting-org-ref} once it has one, since every activity identifier starts with it.
 *
 * @param reportingOrgRef the reporting organisation's IATI identifier (default {@code XI-IOFS}, a placeholder)
 * @param reportingOrgType its IATI organisation type (default 40, multilateral)
 * @param reportingOrgName its name as published (default the Islamic Organization for Food Security)
 * @param publicUrl the address the platform is reached at from outside, which documents are published under
 *        (default {@code http://localhost:8080}; set it in production)
 */
@ConfigurationProperties("fse.projects.iati")
record IatiSettings(String reportingOrgRef, String reportingOrgType, String reportingOrgName, String publicUrl) {

	IatiSettings {
		reportingOrgRef = reportingOrgRef == null || reportingOrgRef.isBlank() ? "XI-IOFS" : reportingOrgRef.strip();
		reportingOrgType = reportingOrgType == null || reportingOrgType.isBlank() ? "40" : reportingOrgType.strip();
		reportingOrgName = reportingOrgName == null || reportingOrgName.isBlank()
				? "Islamic Organization for Food Security" : reportingOrgName.strip();
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
				: publicUrl.strip().replaceAll("/+$", "");
	}

}
