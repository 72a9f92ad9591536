package org.iofs.fse.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Gives every API answer an ETag computed from its body, and answers a matching {@code If-None-Match} with 304.
 * Reference data changes rarely, so clients that poll it transfer almost nothing. Only reads (GET, HEAD) are
 * given one: the filter would hold any other answer in a buffer and copy it out again for nothing, since an ETag
 * is only written for reads (in a profile of bench/stock-ledger.sh, a stock movement spent 6 % of its time there).
 */
@Configuration(proxyBeanMethods = false)
class ApiCachingConfiguration {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
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
