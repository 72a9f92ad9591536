package org.iofs.fse.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is 32 random bytes, shown once; only its SHA-256 is stored (a hash that cannot be
 * reversed, and needs no salt for a secret this long). Owners list and revoke their own tokens.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "fse_";

	// Compiled once: String.matches compiled the expression again on every authenticated request.
	private static final Pattern TOKEN = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final AccountRepository accounts;

	private final TokenCallers callers;

	private final int maxDays;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, AccountRepository accounts, TokenCallers callers,
			IdentitySettings settings, Clock clock) {
		this.maxDays = settings.tokenMaxDays();
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.accounts = accounts;
		this.callers = callers;
	}

	/** Issues a token to the current caller. */
	@Transactional
	public IssuedToken issue(String name, int expiresInDays) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		return issueTo(caller, name, expiresInDays);
	}

	/** Issues a token to a caller who has just proved their password (the token endpoint). */
	@Transactional
	public IssuedToken issueTo(Caller caller, String name, int expiresInDays) {
		String tokenName = name == null ? "" : name.trim();
		if (tokenName.isEmpty() || tokenName.length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		if (expiresInDays < 1 || expiresInDays > maxDays) {
			throw new InvalidInputException("expiresInDays", "must be between 1 and " + maxDays);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		Instant expiresAt = clock.instant().plus(Duration.ofDays(expiresInDays));
		jdbc.sql("""
				INSERT INTO identity.api_token (id, account_id, name, token_hash, token_prefix, expires_at)
				VALUES (:id, :account, :name, :hash, :prefix, :expires)
				""")
			.param("id", id)
			.param("account", caller.id())
			.param("name", tokenName)
			.param("hash", hash(token))
			.param("prefix", token.substring(0, PREFIX.length() + 6))
			.param("expires", Timestamp.from(expiresAt))
			.update();
		audit.recordAs(caller.id(), caller.username(), "token.issued", "api-token", id, null,
				Map.of("owner", caller.username(), "name", tokenName, "expiresAt", expiresAt.toString()));
		return new IssuedToken(id, token, expiresAt);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> mine() {
		return tokensOf(access.require(Action.MANAGE_OWN_TOKENS).id());
	}

	/** Revokes one of the caller's tokens; someone else's token is "not found", as if it did not exist. */
	@Transactional
	public void revoke(UUID id) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		revokeOne(caller.id(), id, Map.of("owner", caller.username()));
	}

	/** The longest a token may be valid, in days ({@code fse.identity.token-max-days}). */
	public int maxDays() {
		return maxDays;
	}

	/** An account's tokens, for administrators. */
	@Transactional(readOnly = true)
	public List<ApiToken> of(UUID account) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		return tokensOf(account);
	}

	/** An administrator revokes one token of an account; a token of another account is "not found". */
	@Transactional
	public void revokeFor(UUID account, UUID id) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		revokeOne(account, id, Map.of("account", account.toString(), "by", "administrator"));
	}

	private List<ApiToken> tokensOf(UUID account) {
		return jdbc.sql("""
				SELECT id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at FROM identity.api_token
				WHERE account_id = :account ORDER BY created_at DESC
				""").param("account", account).query(ApiTokens::map).list();
	}

	private void revokeOne(UUID account, UUID id, Map<String, Object> audited) {
		int revoked = jdbc.sql("""
				UPDATE identity.api_token SET revoked_at = now()
				WHERE id = :id AND account_id = :account AND revoked_at IS NULL
				""").param("id", id).param("account", account).update();
		if (revoked == 0) {
			throw new NotFoundException("API token", id.toString());
		}
		callers.forgetAll();
		audit.record("token.revoked", "api-token", id, null, audited);
	}

	/**
	 * Revokes every token of an account, when its password changes or it is disabled: a credential made with the
	 * old password dies with it, and enabling the account again does not bring it back. Callers check who may.
	 */
	int revokeAllOf(UUID account, String because) {
		int revoked = jdbc.sql("""
				UPDATE identity.api_token SET revoked_at = now() WHERE account_id = :account AND revoked_at IS NULL
				""").param("account", account).update();
		callers.forgetAll();
		if (revoked > 0) {
			audit.record("token.revoked-all", "account", account, null, Map.of("tokens", revoked, "because", because));
		}
		return revoked;
	}

	/**
	 * The caller a presented token stands for, if the token is known, unexpired, unrevoked and its account enabled.
	 * Not one transaction on purpose: the lookup is one statement, and a caller found is remembered for a few
	 * seconds ({@link TokenCallers}), so a busy client costs no database work on most requests.
	 */
	public Optional<Caller> authenticate(String token) {
		if (!looksLikeToken(token)) {
			return Optional.empty();
		}
		String hash = hash(token);
		return callers.get(hash, () -> lookUp(hash));
	}

	private Optional<TokenCallers.Found> lookUp(String hash) {
		// Last use is recorded at most once a minute, so a busy client does not write on every request.
		Optional<Map<String, Object>> token = jdbc.sql("""
				WITH valid AS (
				    SELECT t.id, t.account_id, t.last_used_at, t.expires_at FROM identity.api_token t
				    JOIN identity.account a ON a.id = t.account_id
				    WHERE t.token_hash = :hash AND a.enabled AND t.revoked_at IS NULL AND t.expires_at > now()),
				touched AS (
				    UPDATE identity.api_token SET last_used_at = now()
				    WHERE id IN (SELECT id FROM valid
				                 WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
				SELECT account_id, expires_at FROM valid
				""").param("hash", hash).query().listOfRows().stream().findFirst();
		return token.flatMap(row -> accounts.findById((UUID) row.get("account_id"))
			.map(account -> new TokenCallers.Found(AccountUserDetailsService.callerOf(account),
					((Timestamp) row.get("expires_at")).toInstant())));
	}

	static boolean looksLikeToken(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A token as issued: the only moment the token itself is known outside its owner's hands. */
	public record IssuedToken(UUID id, String token, Instant expiresAt) {
	}

}
