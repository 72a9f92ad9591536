package org.iofs.fse.support;

import org.junit.jupiter.api.BeforeEach;

import org.iofs.fse.identity.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What most integration tests start from: the running platform, an HTTP client for it, the database, and the
 * standard callers of {@link TestAccounts}.
 */
@PlatformTest
public abstract class PlatformIT {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JdbcClient jdbc;

	protected Http http;

	@BeforeEach
	void platformClient() {
		http = new Http(port);
		new TestAccounts(context).ensureStandardCallers();
	}

	/** The Authorization header value of one of the standard callers. */
	protected String bearer(String username) {
		return "Bearer " + TestAccounts.token(http, username);
	}

}
