package org.iofs.fse.shared.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC finds the controllers' request mappings through {@link IndexedRequestMappings}. */
@Configuration(proxyBeanMethods = false)
class RequestMappingsConfiguration {

	@Bean
	WebMvcRegistrations indexedRequestMappings() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedRequestMappings();
			}

		};
	}

}
