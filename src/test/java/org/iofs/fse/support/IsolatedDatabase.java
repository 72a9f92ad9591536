package org.iofs.fse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of its own, on the suite's server, for a test that changes whatever it reaches (a walk through every
 * endpoint as an administrator): the other tests' data stays as they left it.
 */
public final class IsolatedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = "isolated_" + NEXT.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(SharedTestDatabase.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name, ex);
		}
		context.getEnvironment().getPropertySources()
			.addFirst(SharedTestDatabase.properties(SharedTestDatabase.server().getJdbcUrl("postgres", name)));
	}

}
