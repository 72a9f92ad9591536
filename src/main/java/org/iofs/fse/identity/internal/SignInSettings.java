package org.iofs.fse.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow guessing down.
 *
 * @param freeFailures failed attempts of one account from one client address before the next must wait
 *        ({@code fse.sign-in.free-failures}, default 3)
 * @param firstDelay the first wait, doubled by each further failure ({@code fse.sign-in.first-delay}, default 1 s)
 * @param maxDelay the longest wait ({@code fse.sign-in.max-delay}, default 15 minutes)
 * @param maxFailuresPerAddress failures from one client address, whatever the names, within the window before the
 *        address is locked ({@code fse.sign-in.max-failures-per-address}, default 20)
 * @param window how long failures are remembered ({@code fse.sign-in.window}, default 15 minutes)
 * @param lock how long a client address stays locked ({@code fse.sign-in.lock}, default 15 minutes)
 */
@ConfigurationProperties("fse.sign-in")
public record SignInSettings(@DefaultValue("3") int freeFailures, @DefaultValue("PT1S") Duration firstDelay,
		@DefaultValue("PT15M") Duration maxDelay, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration lock) {

	/** The wait after the given number of consecutive failures: none while free, then doubling up to the cap. */
	public Duration delayAfter(int failures) {
		if (failures <= freeFailures) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - freeFailures - 1, 30);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

}
