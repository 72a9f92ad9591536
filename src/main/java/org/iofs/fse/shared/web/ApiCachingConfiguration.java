package org.iofs.fse.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Gives every API answer to a GET an ETag computed from its body, and answers a matching {@code If-None-Match}
 * with 304. Reference data changes rarely, so clients that poll it transfer almost nothing. Other requests pass the
 * filter by: Spring's filter writes an ETag for a GET only, yet held any other answer in a buffer and copied it out
 * again (6 % of the request threads' samples in a profile of bench/stock-ledger.sh, whose movements are POSTs).
 */
@Configuration(proxyBeanMethods = false)
class ApiCachingConfiguration {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !HttpMethod.GET.matches(request.getMethod());
			}

		};
		// Weak (W/"..."): the body's meaning, not its bytes, since Tomcat then compresses it (it leaves an answer
		// with a strong ETag uncompressed, as compressing changes its bytes).
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns("/api/v1/*");
		registration.setName("apiEtags");
		return registration;
	}

}
