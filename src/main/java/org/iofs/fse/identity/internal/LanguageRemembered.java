package org.iofs.fse.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.shared.web.SupportedLanguage;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Remembers the language a signed-in person reads the platform in, so that what is written to them later (an
 * e-mail) is in that language. Written once per session and language: the session remembers what it last stored.
 * Token callers have no session and are left alone; their language is the one they last read pages in.
 */
@Configuration(proxyBeanMethods = false)
class LanguageRemembered implements WebMvcConfigurer, HandlerInterceptor {

	private static final String STORED = LanguageRemembered.class.getName() + ".stored";

	private final JdbcClient jdbc;

	LanguageRemembered(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/img/**")
			// after the language switch, so that the request that chooses a language stores it
			.order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		HttpSession session = request.getSession(false);
		if (session == null || !"GET".equals(request.getMethod())) {
			return true;
		}
		CurrentCaller.get().ifPresent(caller -> {
			String language = SupportedLanguage.ofOrDefault(RequestContextUtils.getLocale(request)).code();
			if (!language.equals(session.getAttribute(STORED))) {
				jdbc.sql("UPDATE identity.account SET language = :language WHERE id = :id AND language <> :language")
					.param("language", language)
					.param("id", caller.id())
					.update();
				session.setAttribute(STORED, language);
			}
		});
		return true;
	}

}
