package org.iofs.fse;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules depend only on what their package-info allows, and only on other modules' published types. */
class ModularityTest {

	final ApplicationModules modules = ApplicationModules.of(FseApplication.class);

	@Test
	void modulesStayApart() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
