package org.iofs.fse.identity.internal;

import org.iofs.fse.identity.TestAccounts;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iofs.fse.FseApplication;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;
import org.iofs.fse.support.SharedTestDatabase;
import org.iofs.fse.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the platform behind one database, as behind a load balancer: a session signed in on one is
 * valid on the other, and a scheduled job triggered on both runs on one.
 */
@PlatformTest
class TwoInstancesIT {

	static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext first;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startSecondInstance() {
		second = new SpringApplicationBuilder(FseApplication.class).properties("server.port=0",
				"spring.datasource.url=" + SharedTestDatabase.jdbcUrl(), "spring.datasource.username=postgres",
				"spring.datasource.password=", "fse.admin-password=admin-test-password").run();
	}

	@AfterAll
	static void stopSecondInstance() {
		second.close();
	}

	@Test
	void aSessionSignedInOnOneInstanceIsValidOnTheOther() {
		new TestAccounts(first).ensureStandardCallers();
		WebSession onFirst = new WebSession(port);
		onFirst.signIn("t.analyst", TestAccounts.PASSWORD);
		String session = onFirst.cookie("SESSION").orElseThrow();
		int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));

		HttpResponse<String> onSecond = new Http(secondPort).get("/account/tokens", "Cookie", "SESSION=" + session);

		assertThat(onSecond.statusCode()).isEqualTo(200);
		assertThat(onSecond.body()).contains("id=\"sign-out\"");
	}

	@Test
	void aScheduledJobTriggeredOnBothInstancesRunsOnOne() {
		// The nightly purge's own run (03:17 UTC) holds the lock for five minutes: a suite running then starts
		// from a free lock, as the test's two triggers are what it measures.
		jdbc.sql("DELETE FROM platform.shedlock WHERE name = 'identity.expired-token-purge'").update();
		long before = purges();

		CompletableFuture<Void> onFirst = CompletableFuture.runAsync(() -> first.getBean(ExpiredTokenPurge.class).purge());
		CompletableFuture<Void> onSecond = CompletableFuture.runAsync(() -> second.getBean(ExpiredTokenPurge.class).purge());
		CompletableFuture.allOf(onFirst, onSecond).join();
		first.getBean(ExpiredTokenPurge.class).purge();

		assertThat(purges() - before).isEqualTo(1);
	}

	private long purges() {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'token.purged'").query(Long.class).single();
	}

}
