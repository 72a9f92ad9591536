package org.iofs.fse.platform.internal;

import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP client of the notifications and of the e-mail address checks, from the {@code spring.mail.*} settings:
 * none (a null bean, which {@code ObjectProvider.getIfAvailable()} reads as absent) when {@code spring.mail.host} is
 * not set. Spring Boot decides this by a condition on the bean; here it is decided when the platform starts, so that
 * an ahead-of-time processed build (README, "Starting faster"), whose conditions were evaluated when it was built,
 * still sends mail once a server is set. Read: host, port, username, password, protocol, default encoding,
 * {@code spring.mail.properties.*} and {@code spring.mail.ssl.enabled} (SSL bundles are not read).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	@Bean
	JavaMailSender mailSender(MailProperties settings) {
		if (!StringUtils.hasText(settings.getHost())) {
			return null;
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.getHost());
		if (settings.getPort() != null) {
			sender.setPort(settings.getPort());
		}
		sender.setUsername(settings.getUsername());
		sender.setPassword(settings.getPassword());
		sender.setProtocol(settings.getProtocol());
		if (settings.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(settings.getDefaultEncoding().name());
		}
		Properties javaMail = new Properties();
		javaMail.putAll(settings.getProperties());
		if (settings.getSsl().isEnabled()) {
			javaMail.setProperty("mail." + settings.getProtocol() + ".ssl.enable", "true");
		}
		sender.setJavaMailProperties(javaMail);
		return sender;
	}

}
