package org.iofs.fse.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import org.iofs.fse.shared.web.PagesOnlyFilter;

/**
 * The shared session (Spring Session on PostgreSQL) is the pages' alone: the API authenticates each request by its
 * bearer token and keeps no session (see {@link SecurityConfiguration}). Spring Boot registers the session's filter
 * for every address; here it is registered instead, in the same place of the filter chain (order and dispatches
 * from {@code spring.session.servlet.*}), to let API requests pass it by.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageSessions {

	/** The name of Spring Boot's registration of the session filter, which this one replaces. */
	static final String BOOT_REGISTRATION = "sessionRepositoryFilterRegistration";

	@Bean
	static BeanPostProcessor bootSessionFilterRegistrationOff() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof DelegatingFilterProxyRegistrationBean registration
						&& BOOT_REGISTRATION.equals(name)) {
					registration.setEnabled(false);
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<PagesOnlyFilter> pageSessionFilter(SessionRepositoryFilter<?> sessions,
			SessionProperties properties) {
		FilterRegistrationBean<PagesOnlyFilter> registration = new FilterRegistrationBean<>(
				new PagesOnlyFilter(sessions));
		registration.setOrder(properties.getServlet().getFilterOrder());
		Set<org.springframework.boot.web.servlet.DispatcherType> types = properties.getServlet()
			.getFilterDispatcherTypes();
		if (types != null) {
			EnumSet<DispatcherType> dispatches = EnumSet.noneOf(DispatcherType.class);
			types.forEach(type -> dispatches.add(DispatcherType.valueOf(type.name())));
			registration.setDispatcherTypes(dispatches);
		}
		return registration;
	}

}
