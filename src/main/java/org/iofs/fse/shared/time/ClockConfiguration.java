package org.iofs.fse.shared.time;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every service asks for the date and time, so that no code reads the JVM's default zone or the
 * database's {@code current_date}, and tests can fix the date (they declare a primary clock of their own).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeSettings.class)
class ClockConfiguration {

	@Bean
	Clock clock(TimeSettings settings) {
		return Clock.system(settings.zone());
	}

}
