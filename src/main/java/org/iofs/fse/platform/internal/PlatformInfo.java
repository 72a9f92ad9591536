package org.iofs.fse.platform.internal;

import org.iofs.fse.platform.PlatformMode;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows in {@code /actuator/info} which database the platform runs on and whether demo data is on. */
@Component
class PlatformInfo implements InfoContributor {

	private final PlatformMode mode;

	PlatformInfo(PlatformMode mode) {
		this.mode = mode;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("platform", Map.of("database", mode.externalDatabase() ? "external" : "embedded", "demoData",
				mode.demoData()));
	}

}
