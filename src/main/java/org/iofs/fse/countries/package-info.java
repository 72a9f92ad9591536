/**
 * The 57 OIC member states: codes (ISO3, ISO2, M49, FAOSTAT area), OIC geographic group, IOFS membership,
 * names and capitals in the three languages. Loaded from the project's reference file {@code reference/countries.csv}.
 * Other modules read them through {@link org.iofs.fse.countries.Countries}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.iofs.fse.countries;
