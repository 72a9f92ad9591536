/**
 * The strategic commodities and the food-balance groups (cereals, vegetable oils): HS 2022 heading, FAOSTAT
 * production (QCL) and food balance (FBS) item codes, energy per kg, names in the three languages. Loaded from
 * {@code reference/commodities.csv}. Importers resolve FAOSTAT item codes through
 * {@link org.iofs.fse.commodities.Commodities#byFaostatItem}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.iofs.fse.commodities;
