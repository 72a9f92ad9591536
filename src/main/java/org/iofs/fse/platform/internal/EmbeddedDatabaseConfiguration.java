package org.iofs.fse.platform.internal;

import org.iofs.fse.platform.PlatformMode;
import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded PostgreSQL when no external database is configured. The data source depends on the server,
 * so on shutdown the pool closes first and the server stops cleanly after it. The server itself was usually started
 * already, while the context was being built ({@link EarlyDatabaseStart}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(@Value("${fse.data-dir}") Path dataDirectory) throws IOException {
		return EarlyDatabaseStart.claim(dataDirectory);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedServer embeddedPostgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(embeddedPostgres.jdbcUrl());
		dataSource.setUsername(EmbeddedServer.USER);
		dataSource.setPassword(embeddedPostgres.password());
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !PlatformMode.usesExternalDatabase(context.getEnvironment());
		}

	}

}
