/**
 * The audit trail: who changed what, when, from where, with the state before and after. Every module records its
 * changes through {@link org.iofs.fse.audit.AuditTrail} inside the transaction that makes them; the database
 * refuses to update or delete audit rows. Administrators read it in {@code /admin/audit} and {@code /api/v1/audit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access" })
package org.iofs.fse.audit;
