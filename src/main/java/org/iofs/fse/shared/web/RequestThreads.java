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
 * Requests run on Tomcat's pool of platform threads ({@code server.tomcat.threads.max}, 200), unless
 * {@code fse.web.threads.virtual} is set, when on Java 21 and newer each runs on a virtual thread of its own.
 * <p>
 * Why platform threads: on two cores busy with pages answered from memory (the IFPA board's kept answers under 16
 * clients), a request on a virtual thread was slow to go on once PostgreSQL had answered (most likely waiting for
 * one of the two carriers behind the requests that never wait; not measured apart): a take through the API took up
 * to 2 s, its connection idle in its transaction for 100 to 900 ms between statements, and the pages read meanwhile
 * waited behind the turn it held (the board's 99th percentile 248 and 291 ms while it changed). On platform threads
 * the kernel shares the processors among them all: twelve takes of thirteen under 40 ms, every board measure within
 * 37 ms, and the ledger as before (53.5 % of pgbench's rate, 99th percentile 28.6 ms; bench/README.md, the IFPA
 * board, 2026-12-06, later). The turns ({@link ConcurrencyLimit}) still bound the work done at once, and a request
 * receiving its body or sending its answer slowly holds a thread, not a turn. The background executors keep their
 * platform threads, and the allocation solver runs on threads of its own ({@code SolverThreads}) either way. The
 * decision is taken when the server starts, not by a condition, so that the ahead-of-time processed jar decides it
 * too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestThreads.Settings.class)
class RequestThreads implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(RequestThreads.class);

	/** The first Java release whose virtual threads Tomcat can use. */
	static final int FIRST_JAVA_WITH_VIRTUAL_THREADS = 21;

	/** @param virtual whether requests run on virtual threads where Java has them (false by default) */
	@ConfigurationProperties("fse.web.threads")
	record Settings(@DefaultValue("false") boolean virtual) {
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
