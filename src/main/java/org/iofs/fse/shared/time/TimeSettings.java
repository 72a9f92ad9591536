package org.iofs.fse.shared.time;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What "today" means for the platform: the date in the Secretariat's time zone. A lot expires, a release falls
 * due and a month of prices closes at midnight in Astana, whatever zone the server or the database runs in.
 *
 * @param zone the Secretariat's time zone ({@code fse.time.zone}, default {@code Asia/Almaty}, Astana's)
 */
@ConfigurationProperties("fse.time")
public record TimeSettings(@DefaultValue("Asia/Almaty") ZoneId zone) {
}
