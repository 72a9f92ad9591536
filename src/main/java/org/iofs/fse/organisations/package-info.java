/**
 * Organisations: the IOFS Secretariat, member-state agencies, companies and partner institutions. Every account
 * belongs to one; trade (IFPA members) and projects (partners, investors) extend them later. Only administrators
 * create or change them; each change is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "countries" })
package org.iofs.fse.organisations;
