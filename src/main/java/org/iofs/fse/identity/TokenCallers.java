package org.iofs.fse.identity;

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
class TokenCallers {

	static final long TTL_NANOS = 10_000_000_000L;

	static final int MAX_ENTRIES = 10_000;

	private record Remembered(Caller caller, long until) {
	}

	private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

	/** The caller remembered for a hash, or the one {@code lookup} finds (remembered only when found). */
	Optional<Caller> get(String hash, Supplier<Optional<Caller>> lookup) {
		long now = System.nanoTime();
		Remembered remembered = byHash.get(hash);
		if (remembered != null && now - remembered.until() < 0) {
			return Optional.of(remembered.caller());
		}
		Optional<Caller> caller = lookup.get();
		if (caller.isPresent()) {
			if (byHash.size() >= MAX_ENTRIES) {
				byHash.clear();
			}
			byHash.put(hash, new Remembered(caller.get(), now + TTL_NANOS));
		}
		else {
			byHash.remove(hash);
		}
		return caller;
	}

	/** Forgets every caller now and, inside a transaction, again when it commits. */
	void forgetAll() {
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
