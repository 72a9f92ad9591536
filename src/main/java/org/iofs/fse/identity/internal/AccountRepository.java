package org.iofs.fse.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.ScopeType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	private static final String SELECT = """
			SELECT id, username, display_name, email, organisation_id, enabled, created_at FROM identity.account
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> findById(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::mapWithoutGrants).optional().map(this::withGrants);
	}

	public Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE username = :username")
			.param("username", username)
			.query(this::mapWithoutGrants)
			.optional()
			.map(this::withGrants);
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM identity.account WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	long count(String text) {
		return jdbc.sql("SELECT count(*) FROM identity.account WHERE " + MATCH).param("text", text).query(Long.class).single();
	}

	/** One page of accounts with their grants: two queries, whatever the page size. */
	List<Account> page(String text, int page, int size) {
		List<Account> accounts = jdbc.sql(SELECT + " WHERE " + MATCH + " ORDER BY username LIMIT :limit OFFSET :offset")
			.param("text", text)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::mapWithoutGrants)
			.list();
		Map<UUID, List<AccountGrant>> grants = grantsOf(accounts.stream().map(Account::id).toList());
		return accounts.stream().map(a -> withGrants(a, grants.getOrDefault(a.id(), List.of()))).toList();
	}

	// strpos, not LIKE: a search for "_" or "%" means those characters, not wildcards.
	private static final String MATCH = """
			(CAST(:text AS text) IS NULL OR strpos(username, lower(:text)) > 0
			 OR strpos(lower(display_name), lower(:text)) > 0)
			""";

	boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM identity.account WHERE username = :u").param("u", username).query(Long.class).single() > 0;
	}

	void insert(UUID id, NewAccount account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO identity.account (id, username, display_name, email, password_hash, organisation_id)
				VALUES (:id, :username, :displayName, :email, :hash, :organisation)
				""")
			.param("id", id)
			.param("username", account.username())
			.param("displayName", account.displayName())
			.param("email", account.email())
			.param("hash", passwordHash)
			.param("organisation", account.organisationId())
			.update();
	}

	void setEnabled(UUID id, boolean enabled) {
		jdbc.sql("UPDATE identity.account SET enabled = :enabled, updated_at = now() WHERE id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	void setPasswordHash(UUID id, String hash) {
		jdbc.sql("UPDATE identity.account SET password_hash = :hash, updated_at = now() WHERE id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	void insertGrant(UUID id, UUID accountId, Grant grant) {
		jdbc.sql("""
				INSERT INTO identity.role_grant (id, account_id, role, scope_type, scope_id)
				VALUES (:id, :account, :role, :scopeType, :scopeId)
				""")
			.param("id", id)
			.param("account", accountId)
			.param("role", grant.role().name())
			.param("scopeType", grant.scope().type().name())
			.param("scopeId", grant.scope().id())
			.update();
	}

	int deleteGrant(UUID accountId, UUID grantId) {
		return jdbc.sql("DELETE FROM identity.role_grant WHERE id = :id AND account_id = :account")
			.param("id", grantId)
			.param("account", accountId)
			.update();
	}

	private Account withGrants(Account account) {
		return withGrants(account, grantsOf(List.of(account.id())).getOrDefault(account.id(), List.of()));
	}

	private Account withGrants(Account a, List<AccountGrant> grants) {
		return new Account(a.id(), a.username(), a.displayName(), a.email(), a.organisationId(), a.enabled(),
				a.createdAt(), grants);
	}

	private Map<UUID, List<AccountGrant>> grantsOf(Collection<UUID> accountIds) {
		Map<UUID, List<AccountGrant>> grants = new LinkedHashMap<>();
		if (accountIds.isEmpty()) {
			return grants;
		}
		jdbc.sql("""
				SELECT id, account_id, role, scope_type, scope_id FROM identity.role_grant
				WHERE account_id IN (:ids) ORDER BY role, scope_type, scope_id
				""").param("ids", accountIds).query((rs, n) -> {
			grants.computeIfAbsent(rs.getObject("account_id", UUID.class), k -> new ArrayList<>())
				.add(new AccountGrant(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role")),
						ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_id")));
			return null;
		}).list();
		return grants;
	}

	private Account mapWithoutGrants(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getObject("organisation_id", UUID.class), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), List.of());
	}

}
