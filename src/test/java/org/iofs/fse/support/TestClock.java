package org.iofs.fse.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.iofs.fse.shared.time.TimeSettings;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's clock in tests: the real time in the Secretariat's zone until a test fixes the date, which it
 * must give back with {@link #reset()} (the context, and so the clock, is shared by the whole suite).
 */
public final class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Instant fixed;

	TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/** From now on it is noon of that date in the Secretariat's zone. */
	public void fixDate(LocalDate date) {
		fixed = date.atTime(12, 0).atZone(zone).toInstant();
	}

	/** From now on it is that instant. */
	public void fix(Instant instant) {
		fixed = instant;
	}

	public void reset() {
		fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		TestClock self = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId another) {
				return self.withZone(another);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant at = fixed;
		return at == null ? Instant.now() : at;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock(TimeSettings settings) {
			return new TestClock(settings.zone());
		}

	}

}
