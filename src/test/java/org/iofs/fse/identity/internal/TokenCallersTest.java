package org.iofs.fse.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.iofs.fse.access.Caller;
import org.junit.jupiter.api.Test;

/** Whom a token stands for is remembered a few seconds, never past the token's expiry, and forgotten on demand. */
class TokenCallersTest {

	final Caller caller = new Caller(UUID.randomUUID(), "someone", "Someone", null, Set.of());

	@Test
	void aCallerFoundIsRememberedUntilForgotten() {
		TokenCallers callers = new TokenCallers();
		AtomicInteger lookups = new AtomicInteger();
		TokenCallers.Found found = new TokenCallers.Found(caller, Instant.now().plusSeconds(3600));

		callers.get("h", () -> { lookups.incrementAndGet(); return Optional.of(found); });
		callers.get("h", () -> { lookups.incrementAndGet(); return Optional.of(found); });
		assertThat(lookups).hasValue(1);

		callers.forgetAll();
		assertThat(callers.get("h", () -> { lookups.incrementAndGet(); return Optional.empty(); })).isEmpty();
		assertThat(lookups).hasValue(2);
	}

	@Test
	void aTokenIsNotRememberedPastItsExpiry() throws InterruptedException {
		TokenCallers callers = new TokenCallers();
		AtomicInteger lookups = new AtomicInteger();
		TokenCallers.Found expiring = new TokenCallers.Found(caller, Instant.now().plusMillis(200));

		callers.get("h", () -> { lookups.incrementAndGet(); return Optional.of(expiring); });
		Thread.sleep(300);
		callers.get("h", () -> { lookups.incrementAndGet(); return Optional.empty(); });

		assertThat(lookups).hasValue(2);
	}

}
