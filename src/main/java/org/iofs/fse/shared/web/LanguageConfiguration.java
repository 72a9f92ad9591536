package org.iofs.fse.shared.web;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chooses the page language: {@code ?lang=en|ar|fr} on any page switches and is remembered in a cookie; without
 * a choice, the browser's preferred language among the three, else English. Any other language is ignored rather
 * than shown half-translated. An Arabic reader may also choose Western digits ({@link DigitsPreference}).
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final String COOKIE = "fse-lang";

	@Bean
	LocaleResolver localeResolver() {
		SupportedLocaleResolver resolver = new SupportedLocaleResolver();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setCookieHttpOnly(true);
		resolver.setDefaultLocaleFunction(SupportedLocaleResolver::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new DigitsPreference());
	}

	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver() {
			super(COOKIE);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return DigitsPreference.apply(SupportedLanguage.ofOrDefault(super.resolveLocale(request)).locale(), request);
		}

		/** The request's locale as pages and messages read it, lazily, so that a choice made by this request counts. */
		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			LocaleContext chosen = super.resolveLocaleContext(request);
			return new TimeZoneAwareLocaleContext() {

				@Override
				public Locale getLocale() {
					return DigitsPreference.apply(SupportedLanguage.ofOrDefault(chosen.getLocale()).locale(), request);
				}

				@Override
				public TimeZone getTimeZone() {
					return chosen instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
				}

			};
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			if (locale == null || SupportedLanguage.of(locale).isPresent()) {
				super.setLocale(request, response, locale == null ? null : SupportedLanguage.ofOrDefault(locale).locale());
			}
		}

		static Locale fromBrowser(HttpServletRequest request) {
			for (Locale preferred : Collections.list(request.getLocales())) {
				var language = SupportedLanguage.of(preferred);
				if (language.isPresent()) {
					return language.get().locale();
				}
			}
			return SupportedLanguage.EN.locale();
		}

	}

}
