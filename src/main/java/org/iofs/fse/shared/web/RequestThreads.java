package org.iofs.fse.shared.web;

import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * On Java 21 and newer, Tomcat answers each request on a virtual thread of its own ({@code fse.web.threads.virtual},
 * on by default); on Java 17 it keeps its pool of platform threads.
 * <p>
 * Why: a request spends most of its time waiting for PostgreSQL (an issue from stock makes three round trips), and a
 * platform thread that waits is switched out by the kernel and back in again for each answer. Sixteen clients
 * posting ledger movements on two cores cost the platform about 1.2 ms of CPU per movement on platform threads and
 * about 0.8 ms on virtual ones, which only unmount from their carrier (bench/README.md, the ledger). The decision
 * is taken when the server starts, not by a condition, so that the ahead-of-time processed jar decides it too. The
 * background executors keep their platform threads, and the allocation solver runs on threads of its own
 * ({@code SolverThreads}): a solve in native code would hold one of the few carriers for its whole time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestThreads.Settings.class)
class RequestThreads implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

	/** The first Java release whose virtual threads Tomcat can use. */
	static final int FIRST_JAVA_WITH_VIRTUAL_THREADS = 21;

	/** @param virtual whether requests run on virtual threads where Java has them (true by default) */
	@ConfigurationProperties("fse.web.threads")
	record Settings(@DefaultValue("true") boolean virtual) {
	}

	private final Settings settings;

	RequestThreads(Settings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		int java = Runtime.version().feature();
		if (virtual(settings, java)) {
			factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(new VirtualThreadExecutor("request-")));
			log.info("Requests run on virtual threads (Java {})", java);
		}
		else {
			log.info("Requests run on platform threads (Java {}{})", java,
					settings.virtual() ? ", which has no virtual threads" : ", fse.web.threads.virtual=false");
		}
	}

	static boolean virtual(Settings settings, int javaFeatureRelease) {
		return settings.virtual() && javaFeatureRelease >= FIRST_JAVA_WITH_VIRTUAL_THREADS;
	}

}
