package org.iofs.fse.shared.web;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A client's address comes from {@code X-Forwarded-For} only when the request arrives from a proxy named in
 * {@code fse.web.trusted-proxies} (exact addresses; none by default). Tomcat would otherwise believe the header
 * from any private or loopback address, so anyone on the same network could choose the address that the sign-in
 * throttle counts and the audit trail records.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.Settings.class)
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	/** @param trustedProxies addresses of the reverse proxies in front of the platform, for example 10.0.0.5 */
	@ConfigurationProperties("fse.web")
	record Settings(List<String> trustedProxies) {

		Settings {
			trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
		}

	}

	private final Settings settings;

	TrustedProxies(Settings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		String pattern = pattern(settings.trustedProxies());
		factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
			.forEach(valve -> {
				valve.setInternalProxies(pattern);
				valve.setTrustedProxies(null);
			});
	}

	/** A regular expression matching exactly the listed addresses; one that matches nothing when none are listed. */
	static String pattern(List<String> addresses) {
		List<String> listed = addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
		return listed.isEmpty() ? "^$" : listed.stream().map(Pattern::quote).collect(Collectors.joining("|"));
	}

	/** After Spring Boot's own customizer, which sets up the valve with Tomcat's private-network defaults. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
