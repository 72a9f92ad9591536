package org.iofs.fse.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.iofs.fse.shared.web.PageFormRefusals;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: bearer tokens, no session, no CSRF (no cookie
 * authenticates it), and 401/403 as problem details. The pages use a form sign-in with a session shared through
 * PostgreSQL, CSRF tokens on every form, and a Content-Security-Policy without 'unsafe-inline'. Administration
 * and account pages need a signed-in caller; the services behind every page then check what the caller may do
 * (the filter chain is the outer wall, the access policy the lock on each door).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IdentitySettings.class, SignInSettings.class })
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The API's own page (Swagger UI) sets a few styles inline from its script; it alone may, and still runs only
	 * the platform's own scripts.
	 */
	static final String API_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
			"style-src 'self' 'unsafe-inline';");

	static final String API_PAGE = "/swagger-ui/**";

	static final String[] SIGNED_IN_PAGES = { "/admin/**", "/account/**", "/engagements", "/engagements/**",
			"/memoranda", "/memoranda/**" };

	static final String[] PUBLIC_ACTUATOR = { "/actuator/health", "/actuator/health/**", "/actuator/info" };

	static final String[] PUBLIC_API_READS = { "/api/v1/countries", "/api/v1/countries/**", "/api/v1/commodities",
			"/api/v1/commodities/**", "/api/v1/food-balance", "/api/v1/indicators/**", "/api/v1/prices/series",
			"/api/v1/prices/series/**", "/api/v1/prices/markets", "/api/v1/prices/warnings", "/api/v1/alerts",
			"/api/v1/hubs", "/api/v1/hubs/*", "/api/v1/hubs/*/stock", "/api/v1/reserves", "/api/v1/reserves/*",
			"/api/v1/trade/companies", "/api/v1/trade/companies/*", "/api/v1/trade/offers", "/api/v1/trade/offers/*",
			"/api/v1/trade/companies/*/certificates", "/api/v1/trade/companies/*/sites",
			"/api/v1/trade/certificates/*/check",
			"/api/v1/trade/certifying-bodies", "/api/v1/trade/recognitions/*", "/api/v1/trade/deal-prices",
			"/api/v1/trade/requests", "/api/v1/projects", "/api/v1/projects/*", "/api/v1/projects/*/iati-activity.xml",
			"/api/v1/projects/*/transactions", "/api/v1/projects/*/results", "/api/v1/projects/*/budgets",
			"/api/v1/projects/*/documents", "/api/v1/projects/*/documents/*", "/api/v1/strategy/*",
			"/api/v1/strategy/*/suppliers", "/api/v1/strategy/*/trade", "/api/v1/trade-flows" };

	/**
	 * No Spring Security observations: request metrics stay (http.server.requests), but a span around every security
	 * filter of every request cost about a tenth of an API call and tells an operator nothing more.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setDefaultAuthenticationFailureEvent(
				org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwords,
			SignInThrottle throttle, AuthenticationEventPublisher events, SecondFactors secondFactors) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwords);
		ProviderManager manager = new ProviderManager(
				new ThrottledAuthenticationProvider(new SecondFactorCheck(dao, secondFactors), throttle));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** The filter chains exist only with a web server (the command line has none). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class FilterChains {

		@Bean
		@Order(1)
		SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
			http.securityMatcher("/api/**")
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.formLogin(form -> form.disable())
				.httpBasic(basic -> basic.disable())
				.logout(logout -> logout.disable())
				.addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
					.permitAll()
					.requestMatchers(HttpMethod.GET, PUBLIC_API_READS)
					.permitAll()
					.anyRequest()
					.authenticated())
				.exceptionHandling(errors -> errors
					.authenticationEntryPoint((request, response, ex) -> problems.unauthorized(request, response,
							"Authentication is required: send Authorization: Bearer <token>"))
					.accessDeniedHandler((request, response, ex) -> problems.forbidden(request, response, ex.getMessage())))
				// No wrapper of the request for isUserInRole and the like: nothing on the API asks the request who
				// calls (the services ask the security context), and each wrapper is one more layer that every read
				// of a header or attribute of every API request goes through. The security headers stay written when
				// the answer is sent, after the ETag filter: a Cache-Control: no-store set before it would stop it.
				.servletApi(servletApi -> servletApi.disable())
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain pages(HttpSecurity http, ApiTokens tokens, ProblemResponses problems,
				AuthenticationManager authenticationManager, SecondFactorReminder reminder) throws Exception {
			http.authenticationManager(authenticationManager)
				.addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
				.addFilterBefore(new PageFormRefusals(), CsrfFilter.class)
				.addFilterAfter(new SecondFactorEnrolmentFilter(reminder::required, reminder::compulsoryNow), AnonymousAuthenticationFilter.class)
				.authorizeHttpRequests(requests -> requests.requestMatchers(SIGNED_IN_PAGES)
					.authenticated()
					.requestMatchers(PUBLIC_ACTUATOR)
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole("ADMIN")
					.anyRequest()
					.permitAll())
				.formLogin(form -> form.loginPage("/login")
					.authenticationDetailsSource(SignInDetails::fromForm)
					.failureHandler(signInFailures())
					.permitAll())
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.headers(headers -> headers
					.addHeaderWriter(policy(PathPatternRequestMatcher.withDefaults().matcher(API_PAGE), API_PAGE_POLICY))
					.addHeaderWriter(policy(new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults()
						.matcher(API_PAGE)), CONTENT_SECURITY_POLICY))
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
					.frameOptions(frames -> frames.deny()));
			return http.build();
		}

		private static HeaderWriter policy(RequestMatcher pages, String policy) {
			return new DelegatingRequestMatcherHeaderWriter(pages,
					new StaticHeadersWriter("Content-Security-Policy", policy));
		}

		private static ExceptionMappingAuthenticationFailureHandler signInFailures() {
			ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
			Map<String, String> targets = new LinkedHashMap<>();
			targets.put(SignInThrottledException.class.getName(), "/login?throttled");
			targets.put(SecondFactorRequiredException.class.getName(), "/login?code");
			handler.setExceptionMappings(targets);
			handler.setDefaultFailureUrl("/login?error");
			return handler;
		}

	}

}
