package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.SpringProperties;

/**
 * A training run of Java's ahead-of-time cache ({@code -Dspring.context.exit=onRefresh}, README "Starting faster")
 * ends with Spring halting the JVM once the beans are made, which skips the shutdown hooks: the embedded PostgreSQL
 * outlived it, and the next start first had to find that server and stop it (about two seconds more). The platform's
 * lifecycle processor therefore closes the pool and stops the embedded server just before that halt; otherwise it is
 * Spring Boot's own, with the same {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
@Configuration(proxyBeanMethods = false)
class TrainingRunExit {

	@Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
	DefaultLifecycleProcessor lifecycleProcessor(LifecycleProperties properties, ObjectProvider<HikariDataSource> pool,
			ObjectProvider<DatabaseServer> server) {
		DefaultLifecycleProcessor processor = new StopsDatabaseBeforeHalt(pool, server);
		processor.setTimeoutPerShutdownPhase(properties.getTimeoutPerShutdownPhase().toMillis());
		return processor;
	}

	static boolean haltsOnRefresh() {
		return DefaultLifecycleProcessor.ON_REFRESH_VALUE
			.equalsIgnoreCase(SpringProperties.getProperty(DefaultLifecycleProcessor.EXIT_PROPERTY_NAME));
	}

	private static final class StopsDatabaseBeforeHalt extends DefaultLifecycleProcessor {

		private final ObjectProvider<HikariDataSource> pool;

		private final ObjectProvider<DatabaseServer> server;

		StopsDatabaseBeforeHalt(ObjectProvider<HikariDataSource> pool, ObjectProvider<DatabaseServer> server) {
			this.pool = pool;
			this.server = server;
		}

		@Override
		public void onRefresh() {
			if (haltsOnRefresh()) {
				pool.ifAvailable(HikariDataSource::close);
				server.ifAvailable(TrainingRunExit::stop);
			}
			super.onRefresh();
		}

	}

	private static void stop(DatabaseServer server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
