package org.iofs.fse.shared.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The filter that writes the hashed addresses of static files into pages ({@code /js/app-<hash>.js}), registered
 * here rather than by Spring Boot (which then registers none) so that it wraps pages only: an API answer holds no
 * link to a static file (see {@link PagesOnlyFilter}). Same dispatches as Spring Boot's: requests and error pages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HashedLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> hashedLinksFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new PagesOnly());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	private static final class PagesOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http && PagesOnlyFilter.isApi(http)) {
				chain.doFilter(request, response);
			}
			else {
				super.doFilter(request, response, chain);
			}
		}

	}

}
