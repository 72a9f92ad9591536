package org.iofs.fse.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Which database the platform runs on and whether demo data is on. Demo data follows the database unless
 * {@code fse.demo} ({@code FSE_DEMO}) says otherwise: on for the embedded server, where a new user wants to see
 * something, and off for an external server, which is presumably a real installation.
 */
@Component
public class PlatformMode {

	private final boolean externalDatabase;

	private final boolean demoData;

	public PlatformMode(Environment environment) {
		this.externalDatabase = usesExternalDatabase(environment);
		this.demoData = environment.getProperty("fse.demo", Boolean.class, !externalDatabase);
	}

	public static boolean usesExternalDatabase(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	public boolean externalDatabase() {
		return externalDatabase;
	}

	public boolean demoData() {
		return demoData;
	}

}
