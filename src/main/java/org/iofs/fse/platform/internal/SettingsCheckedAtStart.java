package org.iofs.fse.platform.internal;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.MethodMetadata;

/**
 * The platform makes its beans when they are first needed ({@code spring.main.lazy-initialization} in
 * {@code application.yml}): a page's controller and services are made at its first request, not at start-up, which
 * took up to three tenths of a second off a start in alternating runs (bench/README.md). What must still happen at start-up is: the database is
 * migrated, the reference data checked, the scheduled jobs registered (Spring Boot keeps the beans holding
 * {@code @Scheduled} methods, and those that act once all beans are made, eager), and the settings read. This filter
 * keeps the settings ({@code @ConfigurationProperties}) eager, so that a wrong setting stops the start with its name,
 * as before, instead of failing the first request that needs it.
 */
@Configuration(proxyBeanMethods = false)
class SettingsCheckedAtStart {

	@Bean
	static LazyInitializationExcludeFilter settingsMadeAtStart() {
		return (name, definition, type) -> isSettings(definition, type);
	}

	static boolean isSettings(BeanDefinition definition, Class<?> type) {
		if (type != null && MergedAnnotations.from(type).isPresent(ConfigurationProperties.class)) {
			return true;
		}
		MethodMetadata factoryMethod = definition instanceof AnnotatedBeanDefinition annotated
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null && factoryMethod.isAnnotated(ConfigurationProperties.class.getName());
	}

}
