package org.iofs.fse.identity.internal;

import org.iofs.fse.identity.TestAccounts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

class SignInIT extends PlatformIT {

	@Test
	void signsInWithANewSessionIdAndSafeCookies() {
		WebSession browser = new WebSession(port);
		browser.get("/login");
		String before = browser.cookie("SESSION").orElseThrow();

		HttpResponse<String> signedIn = browser.signIn("t.analyst", TestAccounts.PASSWORD);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
		assertThat(browser.cookie("SESSION")).get().isNotEqualTo(before);
		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(200);
	}

	@Test
	void answersAnUnknownUserExactlyAsAWrongPassword() {
		HttpResponse<String> unknown = new WebSession(port).signIn("nobody.here", "whatever-password");
		HttpResponse<String> wrong = new WebSession(port).signIn("t.focal.yem", "wrong-password-123");

		assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(302);
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
		assertThat(wrong.headers().firstValue("Location")).get().asString().endsWith("/login?error");
	}

	@Test
	void refusesAFormPostedWithoutItsCsrfToken() {
		WebSession browser = new WebSession(port);
		browser.get("/login");

		HttpResponse<String> forged = browser.postWithoutCsrf("/login",
				Map.of("username", "t.admin", "password", TestAccounts.PASSWORD));

		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void slowsAnAccountFromAnAddressAfterRepeatedFailuresEvenForTheRightPassword() {
		new TestAccounts(context).ensure("t.throttled", Role.ANALYST, "");
		// Three free failures, then a wait before the next attempt.
		for (int attempt = 0; attempt < 4; attempt++) {
			new WebSession(port).signIn("t.throttled", "wrong-password-" + attempt);
		}

		HttpResponse<String> rightPassword = new WebSession(port).signIn("t.throttled", TestAccounts.PASSWORD);

		assertThat(rightPassword.headers().firstValue("Location")).get().asString().endsWith("/login?throttled");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor_username = 't.throttled' AND action = 'sign-in.failed'")
			.query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor_username = 't.throttled' AND action = 'sign-in.throttled'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void locksAClientAddressAfterRepeatedFailuresWhateverTheNames() {
		SignInThrottle strict = new SignInThrottle(jdbc,
				new SignInSettings(100, Duration.ofSeconds(1), Duration.ofMinutes(15), 3, Duration.ofMinutes(15),
						Duration.ofMinutes(15)));
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(strict.isLocked("someone-else", "192.0.2.7")).isFalse();
			strict.recordFailure("guess" + attempt, "192.0.2.7");
		}

		assertThat(strict.isLocked("someone-else", "192.0.2.7")).isTrue();
		assertThat(strict.isLocked("someone-else", "192.0.2.8")).isFalse();
	}

	@Test
	void eachFailureOfAnAccountFromAnAddressMakesItsNextAttemptWaitLonger() {
		// A first wait long enough that the right password, tried at once, meets it on any machine.
		SignInThrottle throttle = new SignInThrottle(jdbc,
				new SignInSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(15), 1000, Duration.ofMinutes(15),
						Duration.ofMinutes(15)));
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(throttle.isLocked("t.slowed", "192.0.2.20")).isFalse();
			throttle.recordFailure("t.slowed", "192.0.2.20");
		}
		assertThat(throttle.isLocked("t.slowed", "192.0.2.20")).as("three free failures").isFalse();

		throttle.recordFailure("t.slowed", "192.0.2.20");
		long first = waitSeconds(throttle, "t.slowed", "192.0.2.20");
		throttle.recordFailure("t.slowed", "192.0.2.20");
		long second = waitSeconds(throttle, "t.slowed", "192.0.2.20");

		assertThat(first).isBetween(25L, 30L);
		assertThat(second).isBetween(55L, 60L);
		assertThat(throttle.isLocked("t.slowed", "198.51.100.4")).as("the owner elsewhere is not held up").isFalse();
		throttle.recordSuccess("t.slowed", "192.0.2.20");
		assertThat(throttle.isLocked("t.slowed", "192.0.2.20")).isFalse();
		assertThat(new SignInSettings(3, Duration.ofSeconds(1), Duration.ofMinutes(15), 20, Duration.ofMinutes(15),
				Duration.ofMinutes(15)).delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aForwardedForHeaderIsNotBelievedFromAnUnnamedProxy() {
		http.postJson("/api/v1/auth/tokens", """
				{"username": "t.forwarded", "password": "not-the-password", "name": "x", "expiresInDays": 1}
				""", "X-Forwarded-For", "203.0.113.50");

		String recorded = jdbc.sql("""
				SELECT client_address FROM audit.audit_event WHERE action = 'sign-in.failed' AND actor_username = 't.forwarded'
				""").query(String.class).list().get(0);
		assertThat(recorded).isNotEqualTo("203.0.113.50").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(jdbc.sql("SELECT count(*) FROM identity.sign_in_throttle WHERE throttle_key LIKE '%203.0.113.50%'")
			.query(Long.class).single()).isZero();
	}

	private long waitSeconds(SignInThrottle throttle, String username, String address) {
		return java.time.Duration.between(java.time.Instant.now(), throttle.waitUntil(username, address).orElseThrow())
			.toSeconds();
	}

	@Test
	void issuesATokenInThePageShownOnlyOnce() {
		WebSession browser = new WebSession(port);
		browser.signIn("t.hub", TestAccounts.PASSWORD);

		HttpResponse<String> issued = browser.post("/account/tokens", Map.of("name", "page token", "expiresInDays", "10"),
				"/account/tokens");
		HttpResponse<String> later = browser.get("/account/tokens");

		assertThat(issued.body()).contains("id=\"issued-token\"").containsPattern("fse_[A-Za-z0-9_-]{43}");
		assertThat(later.body()).contains("page token").doesNotContainPattern("fse_[A-Za-z0-9_-]{43}");
	}

	@Test
	void auditsSignInsAndSignsOut() {
		WebSession browser = new WebSession(port);
		browser.signIn("t.focal.pak", TestAccounts.PASSWORD);

		HttpResponse<String> signedOut = browser.post("/logout", Map.of(), "/account/tokens");

		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor_username = 't.focal.pak' AND action = 'sign-in.succeeded'")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor_username = 't.focal.pak' AND action = 'sign-out'")
			.query(Long.class).single()).isPositive();
	}

}
