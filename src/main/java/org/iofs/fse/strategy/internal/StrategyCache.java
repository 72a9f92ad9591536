package org.iofs.fse.strategy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * A commodity's strategy figures kept for a minute: they sum every member's balances and a year of the trade matrix,
 * and are asked by every reader of the strategy page and API, while they change only with an import or a target.
 * This module's own changes (a trade matrix import, a target set or removed) forget them at once; a balance sheet
 * published in the food balance module shows within {@link #TIME_TO_LIVE}.
 */
@Component
class StrategyCache {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private record Entry(Instant loadedAt, Object value) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	StrategyCache(Clock clock) {
		this.clock = clock;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> loader) {
		Instant now = clock.instant();
		Entry entry = entries.get(key);
		if (entry == null || entry.loadedAt().plus(TIME_TO_LIVE).isBefore(now)) {
			entry = new Entry(now, loader.get());
			entries.put(key, entry);
		}
		return (T) entry.value();
	}

	void forget() {
		entries.clear();
	}

}
