package org.iofs.fse.strategy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A commodity's strategy figures kept for a minute: they sum every member's balances and years of the trade matrix,
 * and are asked by every reader of the strategy page and API, while they change only with an import or a target.
 * This module's own changes (a trade matrix import, a target set or removed) forget them at once; a balance sheet
 * published in the food balance module shows within {@link #TIME_TO_LIVE}. A figure past its time is still served
 * while one background task computes it again, so that no reader waits for the computation once it has been made.
 */
@Component
class StrategyCache {

	private static final Logger log = LoggerFactory.getLogger(StrategyCache.class);

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

	private record Entry(Instant loadedAt, Object value) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	/** Moves on at every {@link #forget()}, so that a computation begun before it is not kept after it. */
	private final AtomicLong generation = new AtomicLong();

	private final Clock clock;

	StrategyCache(Clock clock) {
		this.clock = clock;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> loader) {
		Entry entry = entries.get(key);
		if (entry == null) {
			long begun = generation.get();
			T value = loader.get();
			keep(key, value, begun);
			return value;
		}
		if (entry.loadedAt().plus(TIME_TO_LIVE).isBefore(clock.instant()) && refreshing.add(key)) {
			long begun = generation.get();
			CompletableFuture.runAsync(() -> {
				try {
					keep(key, loader.get(), begun);
				}
				catch (RuntimeException ex) {
					log.warn("Strategy figures {} not refreshed: {}", key, ex.getMessage());
				}
				finally {
					refreshing.remove(key);
				}
			});
		}
		return (T) entry.value();
	}

	void forget() {
		generation.incrementAndGet();
		entries.clear();
	}

	private void keep(String key, Object value, long begun) {
		if (generation.get() == begun) {
			entries.put(key, new Entry(clock.instant(), value));
		}
	}

}
