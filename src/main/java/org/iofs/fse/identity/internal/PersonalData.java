package org.iofs.fse.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own data: what the platform holds about their account, exported on request, and erased on request
 * (confirmed with their password). Erasure keeps the account's row so that what it did stays attributed in the
 * audit trail, but removes the name and address, closes it, revokes its tokens and ends its sessions; the audit
 * trail records that the erasure happened, without the erased data.
 */
@Service
class PersonalData {

	record Export(UUID account, String username, String displayName, String email, String language,
			UUID organisation, boolean enabled, Instant createdAt, Instant emailVerifiedAt, List<Map<String, Object>> grants,
			List<Map<String, Object>> tokens, Instant exportedAt) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final ApiTokens tokens;

	private final SessionTermination sessions;

	private final AuditTrail audit;

	private final Clock clock;

	PersonalData(JdbcClient jdbc, AccessPolicy access, AccountRepository repository, PasswordEncoder passwords,
			ApiTokens tokens, SessionTermination sessions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.repository = repository;
		this.passwords = passwords;
		this.tokens = tokens;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Export export() {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		Map<String, Object> account = jdbc.sql("""
				SELECT username, display_name, email, language, organisation_id, enabled, created_at, email_verified_at
				FROM identity.account WHERE id = :id
				""").param("id", caller.id()).query().singleRow();
		List<Map<String, Object>> grants = jdbc.sql("""
				SELECT role, scope_type, scope_id, granted_at FROM identity.role_grant WHERE account_id = :id ORDER BY granted_at
				""").param("id", caller.id()).query().listOfRows();
		List<Map<String, Object>> issued = jdbc.sql("""
				SELECT name, token_prefix, created_at, expires_at, revoked_at, last_used_at FROM identity.api_token
				WHERE account_id = :id ORDER BY created_at
				""").param("id", caller.id()).query().listOfRows();
		audit.record("account.personal-data-exported", "account", caller.id(), null, null);
		return new Export(caller.id(), (String) account.get("username"), (String) account.get("display_name"),
				(String) account.get("email"), (String) account.get("language"), (UUID) account.get("organisation_id"),
				(Boolean) account.get("enabled"), instant(account.get("created_at")),
				instant(account.get("email_verified_at")), grants, issued, clock.instant());
	}

	@Transactional
	public void erase(String currentPassword) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		String hash = repository.passwordHash(caller.username()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		jdbc.sql("""
				UPDATE identity.account SET display_name = 'Erased account', email = NULL, enabled = false,
				    password_hash = :hash, updated_at = :now
				WHERE id = :id
				""").param("hash", passwords.encode(Passwords.generate() + Passwords.generate()))
			.param("now", Timestamp.from(clock.instant())).param("id", caller.id()).update();
		jdbc.sql("DELETE FROM identity.email_verification WHERE account_id = :id").param("id", caller.id()).update();
		audit.record("account.erased", "account", caller.id(), null, null);
		tokens.revokeAllOf(caller.id(), "personal data erased");
		sessions.endAllOf(caller.username());
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return null;
	}

}
