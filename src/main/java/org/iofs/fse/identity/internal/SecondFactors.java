package org.iofs.fse.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step verification with an authenticator app: time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second
 * steps, six digits, as every authenticator app reads an {@code otpauth://} address), one step of clock drift
 * either way, and no code accepted twice. Ten one-use recovery codes stand in for a lost phone. Each account
 * turns it on and off for itself; an administrator may turn it off for an account whose owner lost both.
 */
@Service
public class SecondFactors {

	static final int RECOVERY_CODES = 10;

	private static final String ISSUER = "OIC Food Security Ecosystem";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A secret waiting for its first code: what the authenticator app is shown. */
	public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
	}

	@Transactional(readOnly = true)
	public boolean isOn(UUID account) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.second_factor WHERE account_id = :a AND enabled_at IS NOT NULL)")
			.param("a", account).query(Boolean.class).single();
	}

	/** Whether the current caller has two-step verification on. */
	public boolean isOnForCaller() {
		return isOn(access.require(Action.MANAGE_OWN_TOKENS).id());
	}

	/** Starts (or starts again) turning it on for the current caller: a new secret, not in force until confirmed. */
	@Transactional
	public Enrolment begin() {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		if (isOn(caller.id())) {
			throw new ConflictException("SECOND_FACTOR_ON", "two-step verification is already on for this account");
		}
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		jdbc.sql("""
				INSERT INTO identity.second_factor (account_id, secret) VALUES (:a, :s)
				ON CONFLICT (account_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now(), last_step = NULL
				""").param("a", caller.id()).param("s", secret).update();
		return enrolment(caller, secret);
	}

	/** The enrolment in progress for the current caller, if any (to show the QR code again). */
	@Transactional(readOnly = true)
	public Optional<Enrolment> pending() {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		return jdbc.sql("SELECT secret FROM identity.second_factor WHERE account_id = :a AND enabled_at IS NULL")
			.param("a", caller.id()).query(byte[].class).optional().map(secret -> enrolment(caller, secret));
	}

	/** Turns it on with the first code the app shows; the answer is the recovery codes, shown only this once. */
	@Transactional
	public List<String> confirm(String code) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		byte[] secret = jdbc.sql("SELECT secret FROM identity.second_factor WHERE account_id = :a AND enabled_at IS NULL")
			.param("a", caller.id()).query(byte[].class).optional()
			.orElseThrow(() -> new ConflictException("NO_ENROLMENT", "start turning on two-step verification first"));
		if (!acceptTotp(caller.id(), secret, code)) {
			throw new InvalidInputException("code", "is not the code your authenticator app shows now");
		}
		jdbc.sql("UPDATE identity.second_factor SET enabled_at = now() WHERE account_id = :a").param("a", caller.id()).update();
		List<String> codes = newRecoveryCodes(caller.id());
		audit.record("account.second-factor-on", "account", caller.id(), null, Map.of("username", caller.username()));
		return codes;
	}

	/** Turns it off for the current caller, who proves it with a current code or a recovery code. */
	@Transactional
	public void turnOff(String code) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		if (!isOn(caller.id())) {
			throw new ConflictException("SECOND_FACTOR_OFF", "two-step verification is not on for this account");
		}
		if (!verify(caller.id(), code)) {
			throw new InvalidInputException("code", "is not a current code or an unused recovery code");
		}
		remove(caller.id());
		audit.record("account.second-factor-off", "account", caller.id(), null, Map.of("username", caller.username()));
	}

	/** An administrator turns it off for an account whose owner lost their phone and their recovery codes. */
	@Transactional
	public void turnOffFor(UUID account) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		remove(account);
		audit.record("account.second-factor-reset", "account", account, null, Map.of());
	}

	/**
	 * Whether a code proves the second factor of an account: a current TOTP code not used before, or an unused
	 * recovery code (used up by this call).
	 */
	@Transactional
	public boolean verify(UUID account, String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		Optional<byte[]> secret = jdbc.sql(
				"SELECT secret FROM identity.second_factor WHERE account_id = :a AND enabled_at IS NOT NULL")
			.param("a", account).query(byte[].class).optional();
		if (secret.isEmpty()) {
			return false;
		}
		if (acceptTotp(account, secret.get(), code)) {
			return true;
		}
		return jdbc.sql("""
				UPDATE identity.recovery_code SET used_at = now()
				WHERE account_id = :a AND code_hash = :h AND used_at IS NULL
				""").param("a", account).param("h", recoveryHash(code)).update() == 1;
	}

	/** Recovery codes of the current caller not used yet. */
	@Transactional(readOnly = true)
	public int unusedRecoveryCodes() {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		return jdbc.sql("SELECT count(*) FROM identity.recovery_code WHERE account_id = :a AND used_at IS NULL")
			.param("a", caller.id()).query(Integer.class).single();
	}

	private boolean acceptTotp(UUID account, byte[] secret, String code) {
		String digits = code == null ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return false;
		}
		Key key = new SecretKeySpec(secret, TOTP.getAlgorithm());
		Instant now = clock.instant();
		long stepSeconds = TOTP.getTimeStep().toSeconds();
		for (int drift : new int[] { 0, -1, 1 }) {
			Instant at = now.plus(Duration.ofSeconds(drift * stepSeconds));
			if (digits.equals(code(key, at))) {
				long step = at.getEpochSecond() / stepSeconds;
				// A code is good once: the step is recorded only when it is later than the last one used.
				return jdbc.sql("""
						UPDATE identity.second_factor SET last_step = :step
						WHERE account_id = :a AND (last_step IS NULL OR last_step < :step)
						""").param("a", account).param("step", step).update() == 1;
			}
		}
		return false;
	}

	private static String code(Key key, Instant at) {
		try {
			return TOTP.generateOneTimePasswordString(key, at, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> newRecoveryCodes(UUID account) {
		jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = :a").param("a", account).update();
		List<String> codes = new ArrayList<>();
		Base32 base32 = new Base32();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[5];
			RANDOM.nextBytes(bytes);
			String raw = base32.encodeToString(bytes).toLowerCase(Locale.ROOT);
			String code = raw.substring(0, 4) + "-" + raw.substring(4, 8);
			codes.add(code);
			jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash) VALUES (:a, :h)")
				.param("a", account).param("h", recoveryHash(code)).update();
		}
		return codes;
	}

	private void remove(UUID account) {
		jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = :a").param("a", account).update();
		jdbc.sql("DELETE FROM identity.second_factor WHERE account_id = :a").param("a", account).update();
	}

	/** Recovery codes are compared without case, spaces or dashes, as people type them. */
	static String recoveryHash(String code) {
		String normal = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return ApiTokens.hash(normal);
	}

	private Enrolment enrolment(Caller caller, byte[] secret) {
		String base32 = new Base32().encodeToString(secret).replace("=", "");
		String label = ISSUER + ":" + caller.username();
		String uri = "otpauth://totp/" + encode(label) + "?secret=" + base32 + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(base32, uri, QrCodes.svgDataUri(uri));
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** For tests: the code an authenticator app shows now for a Base32 secret. */
	public static String currentCode(String base32Secret, Instant at) {
		return code(new SecretKeySpec(new Base32().decode(base32Secret), TOTP.getAlgorithm()), at);
	}

}
