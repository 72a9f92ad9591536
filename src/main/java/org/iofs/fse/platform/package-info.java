/**
 * How the platform runs: which PostgreSQL it uses (an embedded server on a persistent data directory, or the
 * external one named by {@code spring.datasource.url}), whether demo data is on, and what it prints when ready.
 * Other modules only read {@link org.iofs.fse.platform.PlatformMode}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.iofs.fse.platform;
