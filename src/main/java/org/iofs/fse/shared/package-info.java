/**
 * The shared kernel: small value types every module speaks ({@link org.iofs.fse.shared.LocalizedText},
 * {@link org.iofs.fse.shared.NotFoundException}), reading the project's reference files, and the web plumbing
 * of {@code shared.web} (languages, layout, API problem details). Nothing here holds business state.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.iofs.fse.shared;
