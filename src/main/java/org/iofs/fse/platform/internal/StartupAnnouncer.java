package org.iofs.fse.platform.internal;

import org.iofs.fse.platform.PlatformMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where to open it. */
@Component
class StartupAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(StartupAnnouncer.class);

	private final PlatformMode mode;

	StartupAnnouncer(PlatformMode mode) {
		this.mode = mode;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return;
		}
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		String database = mode.externalDatabase() ? "external PostgreSQL"
				: "embedded PostgreSQL in " + environment.getProperty("fse.data-dir");
		log.info("OIC Food Security Ecosystem is ready: open http://localhost:{}{}/ (database: {}; demo data: {})", port,
				contextPath, database, mode.demoData() ? "on" : "off");
	}

}
