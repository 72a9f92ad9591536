package org.iofs.fse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One throwaway embedded PostgreSQL for the whole test run, started on first use. Test contexts reach it as an
 * external database through {@code spring.datasource.url}, so the application runs its real Flyway migrations
 * against it exactly as it would against a production server.
 */
public final class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres server;

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the test PostgreSQL", ex);
			}
		}
		return server;
	}

	public static String jdbcUrl() {
		return server().getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(properties(jdbcUrl()));
	}

	/** The settings every test context runs with, on the database at this address. */
	static MapPropertySource properties(String url) {
		return new MapPropertySource("sharedTestDatabase", Map.ofEntries(Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", "postgres"), Map.entry("spring.datasource.password", ""),
				Map.entry("fse.admin-password", "admin-test-password"),
				// Every test client comes from 127.0.0.1: the per-address lock is tested on its own.
				Map.entry("fse.sign-in.max-failures-per-address", "100000"),
				// Long enough that a test's next attempt, however slow the machine, meets the wait.
				Map.entry("fse.sign-in.first-delay", "PT30S"),
				// Small enough that a test can send a file one byte too large.
				Map.entry("fse.uploads.max-size", "16MB"),
				// The tests' expectations count days with LocalDate.now(): the platform's "today" must be the same
				// date at every hour (Astana's is a day ahead from 19:00 UTC).
				Map.entry("fse.time.zone", java.time.ZoneId.systemDefault().getId()),
				// At the run's end the server stops beside the contexts; a context still asking for a connection then
				// (the event registry checks what is outstanding) gives up after this, not Hikari's 30 s.
				Map.entry("spring.datasource.hikari.connection-timeout", "5000"),
				// Notification e-mails go to the suite's in-process SMTP server.
				Map.entry("spring.mail.host", "127.0.0.1"),
				Map.entry("spring.mail.port", Integer.toString(TestMailServer.port()))));
	}

}
