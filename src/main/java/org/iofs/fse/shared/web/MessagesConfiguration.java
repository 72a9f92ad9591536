package org.iofs.fse.shared.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, as Spring Boot sets them up from {@code spring.messages.*} (basename, encoding, no fallback
 * to the system's locale), with one difference: a message with arguments is formatted on a copy of its parsed
 * format rather than on the one format every request shares.
 * <p>
 * Why: Spring keeps one {@link MessageFormat} per message and language and formats under a lock on it, since a
 * format is not safe to share. A board page formats a delivery window on each of its fifty rows; under sixteen
 * concurrent readers a profile showed the request threads queueing on that lock. (With the copies the board's
 * rate did not move beyond the machine's spread; the lock waits were not profiled again.)
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		ResourceBundleMessageSource source = new FormatPerCall();
		source.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			source.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}

	/** Hands each caller its own copy of the cached format, so that formatting takes no shared lock. */
	static class FormatPerCall extends ResourceBundleMessageSource {

		@Override
		protected MessageFormat resolveCode(String code, Locale locale) {
			MessageFormat shared = super.resolveCode(code, locale);
			return shared == null ? null : (MessageFormat) shared.clone();
		}

	}

}
