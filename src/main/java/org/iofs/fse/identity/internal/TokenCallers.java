package org.iofs.fse.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.iofs.fse.access.Caller;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers for a few seconds whom a token hash stands for, so that a client posting many requests is not looked up
 * in the database (a transaction of three queries) on every one. Revoking a token, disabling an account or changing
 * its grants forgets everything at once, and again once that change commits, so a change takes effect on the next
 * request of this instance; another instance sees it within {@link #TTL_NANOS}.
 */
@Component
public class TokenCallers {

	static final long TTL_NANOS = 10_000_000_000L;

	static final int MAX_ENTRIES = 10_000;

	private record Remembered(Caller caller, long until) {
	}

	private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

	/** Whom a valid token stands for, and until when it is valid. */
	public record Found(Caller caller, Instant expiresAt) {
	}

	/**
	 * The caller remembered for a hash, or the one {@code lookup} finds (remembered only when found, and never past
	 * the token's expiry).
	 */
	public Optional<Caller> get(String hash, Supplier<Optional<Found>> lookup) {
		long now = System.nanoTime();
		Remembered remembered = byHash.get(hash);
		if (remembered != null && now - remembered.until() < 0) {
			return Optional.of(remembered.caller());
		}
		Optional<Found> found = lookup.get();
		if (found.isPresent()) {
			if (byHash.size() >= MAX_ENTRIES) {
				byHash.clear();
			}
			long untilExpiry = Duration.between(Instant.now(), found.get().expiresAt()).toNanos();
			byHash.put(hash, new Remembered(found.get().caller(), now + Math.min(TTL_NANOS, untilExpiry)));
		}
		else {
			byHash.remove(hash);
		}
		return found.map(Found::caller);
	}

	/** Forgets every caller now and, inside a transaction, again when it commits. */
	public void forgetAll() {
		byHash.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					byHash.clear();
				}
			});
		}
	}

}
