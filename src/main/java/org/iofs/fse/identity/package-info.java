/**
 * Accounts and signing in: passwords (delegating encoder, bcrypt), scoped role grants, API tokens, sign-in
 * throttling, the security filter chains and shared JDBC sessions. Administrators manage accounts in
 * {@code /admin/users} and {@code /api/v1/admin/users}; every change goes through
 * {@link org.iofs.fse.access.AccessPolicy} and is audited in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "organisations", "countries", "reserves", "platform" })
package org.iofs.fse.identity;
