package org.iofs.fse.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reference data (member states, commodities) kept in memory: every page names dozens of them and a matching looks
 * one up per candidate, while they change only when the reference files are loaded again. The loader forgets the
 * copy when it writes; a copy older than its time to live is read again, so that a change made behind the
 * application's back (a restored backup, an administrator's SQL) shows within that time.
 */
public final class ReferenceCache<K, V> {

	private record Snapshot<K, V>(List<V> all, Map<K, V> byKey, long loadedAt) {
	}

	private final Supplier<List<V>> loader;

	private final Function<V, K> key;

	private final long timeToLiveNanos;

	private volatile Snapshot<K, V> snapshot;

	public ReferenceCache(Supplier<List<V>> loader, Function<V, K> key, Duration timeToLive) {
		this.loader = loader;
		this.key = key;
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	public List<V> all() {
		return current().all();
	}

	public Optional<V> find(K wanted) {
		return Optional.ofNullable(current().byKey().get(wanted));
	}

	/** Read again at the next use: the loader has written. */
	public void forget() {
		snapshot = null;
	}

	private Snapshot<K, V> current() {
		Snapshot<K, V> held = snapshot;
		if (held == null || System.nanoTime() - held.loadedAt() > timeToLiveNanos) {
			List<V> all = List.copyOf(loader.get());
			Map<K, V> byKey = new LinkedHashMap<>();
			all.forEach(value -> byKey.put(key.apply(value), value));
			held = new Snapshot<>(all, Map.copyOf(byKey), System.nanoTime());
			snapshot = held;
		}
		return held;
	}

}
