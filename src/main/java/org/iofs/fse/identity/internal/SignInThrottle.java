package org.iofs.fse.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anyone out. Each failed sign-in of an account from a client address
 * makes the next attempt of that account from that address wait longer (after a few free ones, 1 s, 2 s, 4 s... up
 * to a cap), so a guesser gets a handful of tries an hour while the owner, signing in from elsewhere, is not held
 * up. A client address that fails with many names is locked for a while. Unknown names are counted like known
 * ones, so the waits tell nothing about which accounts exist. Counted in PostgreSQL, so every instance sees the
 * same counts.
 */
@Component
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final SignInSettings settings;

	public SignInThrottle(JdbcClient jdbc, SignInSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Until when this account may not try from this address, if it must wait. */
	public Optional<Instant> waitUntil(String username, String address) {
		return jdbc.sql("""
				SELECT locked_until FROM identity.sign_in_throttle
				WHERE throttle_key IN (:keys) AND locked_until > now()
				ORDER BY locked_until DESC LIMIT 1
				""").param("keys", keys(username, address)).query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	public boolean isLocked(String username, String address) {
		return waitUntil(username, address).isPresent();
	}

	public void recordFailure(String username, String address) {
		int failures = jdbc.sql("""
				INSERT INTO identity.sign_in_throttle AS t (throttle_key, failures, window_started_at)
				VALUES (:key, 1, now())
				ON CONFLICT (throttle_key) DO UPDATE SET
				    failures = CASE WHEN t.window_started_at < now() - CAST(:window AS interval) THEN 1 ELSE t.failures + 1 END,
				    window_started_at = now()
				RETURNING failures
				""").param("key", pairKey(username, address)).param("window", seconds(settings.window()))
			.query(Integer.class).single();
		Duration delay = settings.delayAfter(failures);
		if (!delay.isZero()) {
			jdbc.sql("UPDATE identity.sign_in_throttle SET locked_until = now() + CAST(:delay AS interval) WHERE throttle_key = :key")
				.param("key", pairKey(username, address)).param("delay", delay.toMillis() + " milliseconds").update();
		}
		if (address != null) {
			countAddress(addressKey(address));
		}
	}

	public void recordSuccess(String username, String address) {
		jdbc.sql("DELETE FROM identity.sign_in_throttle WHERE throttle_key = :key").param("key", pairKey(username, address))
			.update();
	}

	private void countAddress(String key) {
		jdbc.sql("""
				INSERT INTO identity.sign_in_throttle AS t (throttle_key, failures, window_started_at)
				VALUES (:key, 1, now())
				ON CONFLICT (throttle_key) DO UPDATE SET
				    failures = CASE WHEN t.window_started_at < now() - CAST(:window AS interval) THEN 1 ELSE t.failures + 1 END,
				    window_started_at = CASE WHEN t.window_started_at < now() - CAST(:window AS interval)
				                             THEN now() ELSE t.window_started_at END
				""").param("key", key).param("window", seconds(settings.window())).update();
		jdbc.sql("""
				UPDATE identity.sign_in_throttle SET locked_until = now() + CAST(:lock AS interval), failures = 0,
				    window_started_at = now()
				WHERE throttle_key = :key AND failures >= :max
				""").param("key", key).param("lock", seconds(settings.lock())).param("max", settings.maxFailuresPerAddress())
			.update();
	}

	private static String seconds(Duration duration) {
		return duration.toSeconds() + " seconds";
	}

	private static List<String> keys(String username, String address) {
		List<String> keys = new ArrayList<>(List.of(pairKey(username, address)));
		if (address != null) {
			keys.add(addressKey(address));
		}
		return keys;
	}

	private static String pairKey(String username, String address) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return "account:" + (name.length() > 100 ? name.substring(0, 100) : name) + "|" + (address == null ? "" : address);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
