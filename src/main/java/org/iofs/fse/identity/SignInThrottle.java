package org.iofs.fse.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins within a window, an account name, or a client
 * address, is locked for a while, whether the account exists or not (so the lock tells nothing about which
 * accounts exist). Counted in PostgreSQL, so every instance sees the same counts.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final int maxPerAccount;

	private final int maxPerAddress;

	private final Duration window;

	private final Duration lock;

	SignInThrottle(JdbcClient jdbc, @Value("${fse.sign-in.max-failures-per-account:5}") int maxPerAccount,
			@Value("${fse.sign-in.max-failures-per-address:20}") int maxPerAddress,
			@Value("${fse.sign-in.window:PT15M}") Duration window, @Value("${fse.sign-in.lock:PT15M}") Duration lock) {
		this.jdbc = jdbc;
		this.maxPerAccount = maxPerAccount;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
		this.lock = lock;
	}

	boolean isLocked(String username, String address) {
		return jdbc.sql("""
				SELECT count(*) FROM identity.sign_in_throttle
				WHERE throttle_key IN (:keys) AND locked_until > now()
				""").param("keys", keys(username, address)).query(Long.class).single() > 0;
	}

	void recordFailure(String username, String address) {
		count(accountKey(username), maxPerAccount);
		if (address != null) {
			count(addressKey(address), maxPerAddress);
		}
	}

	void recordSuccess(String username) {
		jdbc.sql("DELETE FROM identity.sign_in_throttle WHERE throttle_key = :key").param("key", accountKey(username)).update();
	}

	private void count(String key, int max) {
		jdbc.sql("""
				INSERT INTO identity.sign_in_throttle AS t (throttle_key, failures, window_started_at)
				VALUES (:key, 1, now())
				ON CONFLICT (throttle_key) DO UPDATE SET
				    failures = CASE WHEN t.window_started_at < now() - CAST(:window AS interval) THEN 1 ELSE t.failures + 1 END,
				    window_started_at = CASE WHEN t.window_started_at < now() - CAST(:window AS interval)
				                             THEN now() ELSE t.window_started_at END
				""").param("key", key).param("window", window.toSeconds() + " seconds").update();
		jdbc.sql("""
				UPDATE identity.sign_in_throttle SET locked_until = now() + CAST(:lock AS interval), failures = 0,
				    window_started_at = now()
				WHERE throttle_key = :key AND failures >= :max
				""").param("key", key).param("lock", lock.toSeconds() + " seconds").param("max", max).update();
	}

	private static List<String> keys(String username, String address) {
		List<String> keys = new ArrayList<>(List.of(accountKey(username)));
		if (address != null) {
			keys.add(addressKey(address));
		}
		return keys;
	}

	private static String accountKey(String username) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return "account:" + (name.length() > 100 ? name.substring(0, 100) : name);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
