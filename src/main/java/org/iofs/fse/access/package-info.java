/**
 * Who may do what, where. A caller holds grants (role + scope); {@link org.iofs.fse.access.AccessPolicy} is the one
 * place that answers "may this caller do this action in this scope". Services call it on every write and every
 * non-public read; pages ask it only to hide what the reader may not do. Depends on nothing but the kernel, so
 * every module can use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.iofs.fse.access;
