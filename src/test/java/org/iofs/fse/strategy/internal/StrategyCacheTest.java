package org.iofs.fse.strategy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Figures are computed once, served while fresh, served stale while computed again, and forgotten on a change. */
class StrategyCacheTest {

	Instant now = Instant.parse("2026-12-02T10:00:00Z");

	final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	};

	@Test
	void aFigurePastItsTimeIsServedWhileItIsComputedAgainAndAChangeForgetsIt() {
		StrategyCache cache = new StrategyCache(clock);
		AtomicInteger computed = new AtomicInteger();
		assertThat((Integer) cache.get("summary:wheat", computed::incrementAndGet)).isEqualTo(1);
		assertThat((Integer) cache.get("summary:wheat", computed::incrementAndGet)).as("kept").isEqualTo(1);

		now = now.plus(StrategyCache.TIME_TO_LIVE).plus(Duration.ofSeconds(1));
		assertThat((Integer) cache.get("summary:wheat", computed::incrementAndGet)).as("stale, served at once")
			.isEqualTo(1);
		await().until(() -> (Integer) cache.get("summary:wheat", () -> -1) == 2);

		cache.forget();
		assertThat((Integer) cache.get("summary:wheat", computed::incrementAndGet)).as("computed again after a change")
			.isEqualTo(3);
	}

}
