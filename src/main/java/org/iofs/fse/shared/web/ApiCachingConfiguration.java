package org.iofs.fse.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Gives every API answer an ETag computed from its body, and answers a matching {@code If-None-Match} with 304.
 * Reference data changes rarely, so clients that poll it transfer almost nothing.
 */
@Configuration(proxyBeanMethods = false)
class ApiCachingConfiguration {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
		// Weak (W/"..."): the body's meaning, not its bytes, since Tomcat then compresses it (it leaves an answer
		// with a strong ETag uncompressed, as compressing changes its bytes).
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns("/api/v1/*");
		registration.setName("apiEtags");
		return registration;
	}

}
