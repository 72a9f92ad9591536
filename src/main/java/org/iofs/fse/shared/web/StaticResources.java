package org.iofs.fse.shared.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The platform's static files, each folder under its own address, linked with a hash of their content
 * ({@code /js/app-<hash>.js}) and kept by browsers for a year. Mapped folder by folder rather than Spring Boot's
 * {@code /**}: with {@code /**} every link a page writes ({@code /trade/offers/7}) was first looked for as a file on
 * the classpath, which cost a board page of fifty rows most of its time.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "maps" }) {
			serve(registry, "/" + folder + "/**", "classpath:/static/" + folder + "/");
		}
		serve(registry, "/favicon.svg", "classpath:/static/");
		serve(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
	}

	private static void serve(ResourceHandlerRegistry registry, String pattern, String location) {
		registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
