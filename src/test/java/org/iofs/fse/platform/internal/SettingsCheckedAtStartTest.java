package org.iofs.fse.platform.internal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Beans are made on first need, but a wrong setting must still stop the start: settings stay eager. */
class SettingsCheckedAtStartTest {

	@ConfigurationProperties("example")
	record ExampleSettings(int limit) {
	}

	record ExampleService() {
	}

	@Configuration(proxyBeanMethods = false)
	static class ExampleConfiguration {

		@Bean
		@ConfigurationProperties("example.pool")
		ExampleService pool() {
			return new ExampleService();
		}

		@Bean
		ExampleService plain() {
			return new ExampleService();
		}

	}

	@Test
	void settingsStayEagerAndOtherBeansMayWait() {
		assertThat(SettingsCheckedAtStart.isSettings(new RootBeanDefinition(ExampleSettings.class), ExampleSettings.class))
			.isTrue();
		assertThat(SettingsCheckedAtStart.isSettings(new RootBeanDefinition(ExampleService.class), ExampleService.class))
			.isFalse();
	}

	@Test
	void settingsBoundOnAFactoryMethodStayEagerToo() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ExampleConfiguration.class)) {
			assertThat(SettingsCheckedAtStart.isSettings(context.getBeanDefinition("pool"), ExampleService.class)).isTrue();
			assertThat(SettingsCheckedAtStart.isSettings(context.getBeanDefinition("plain"), ExampleService.class)).isFalse();
		}
	}

}
