package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.iofs.fse.platform.PlatformMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data source: the external PostgreSQL server of {@code spring.datasource.url} when it is set, else the
 * embedded one in {@code fse.data-dir}. Decided when the platform starts rather than by a condition on the bean,
 * because an ahead-of-time processed build (README, "Starting faster") evaluated its conditions when it was built:
 * the same jar must still serve either database. The data source depends on the server, so on shutdown the pool
 * closes first and the server stops cleanly after it. The embedded server was usually started already, while the
 * context was being built ({@link EarlyDatabaseStart}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(Environment environment) throws IOException {
		if (PlatformMode.usesExternalDatabase(environment)) {
			return new DatabaseServer(null);
		}
		Path folder = Path.of(environment.getRequiredProperty("fse.data-dir"));
		return new DatabaseServer(EarlyDatabaseStart.claim(folder));
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseServer server, DataSourceProperties properties) {
		if (server.embedded() == null) {
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.embedded().jdbcUrl());
		dataSource.setUsername(EmbeddedServer.USER);
		dataSource.setPassword(server.embedded().password());
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

}
