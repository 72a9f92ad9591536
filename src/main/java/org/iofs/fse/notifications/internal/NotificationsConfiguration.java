package org.iofs.fse.notifications.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The listeners run on Spring Boot's task executor, after the publishing transaction commits, so that telling
 * people (and sending e-mail) never slows or holds the request that did the thing.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationsConfiguration {

}
