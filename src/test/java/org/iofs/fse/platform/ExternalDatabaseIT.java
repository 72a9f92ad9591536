package org.iofs.fse.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.iofs.fse.platform.internal.DatabaseServer;
import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The test suite runs the platform the way an installation with its own PostgreSQL does. */
@PlatformTest
class ExternalDatabaseIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformMode mode;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsNoEmbeddedServerWhenADatabaseAddressIsGiven() {
		assertThat(context.getBean(DatabaseServer.class).embedded()).isNull();
		assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
			.isEqualTo(context.getEnvironment().getProperty("spring.datasource.url"));
		assertThat(mode.externalDatabase()).isTrue();
		assertThat(mode.demoData()).isFalse();
	}

	@Test
	void migratesOneSchemaPerModule() {
		var schemas = jdbc.sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list();
		var migrations = jdbc.sql("SELECT script FROM flyway_schema_history WHERE success").query(String.class).list();

		assertThat(schemas).contains("countries", "commodities");
		assertThat(migrations).anyMatch(s -> s.startsWith("countries/")).anyMatch(s -> s.startsWith("commodities/"));
	}

}
