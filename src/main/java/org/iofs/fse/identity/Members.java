package org.iofs.fse.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a role in a scope, for telling them something: the enabled accounts with that grant, their e-mail
 * address and the language they last read the platform in. Asked at the moment of telling, so that a person who
 * lost the grant or was disabled since is no longer told.
 */
@Component
public class Members {

	/** A person to tell: the address is empty when the account has none. */
	public record Member(UUID account, String displayName, String email, Locale language) {
	}

	private final JdbcClient jdbc;

	private final org.iofs.fse.identity.internal.AccountRepository accounts;

	Members(JdbcClient jdbc, org.iofs.fse.identity.internal.AccountRepository accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * An enabled account as a caller, with its grants: for a module that must know what another person may see (the
	 * owner of an action, the reader of a calendar feed), not what the one asking may.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<org.iofs.fse.access.Caller> callerOf(UUID account) {
		return accounts.findById(account).filter(a -> a.enabled())
			.map(org.iofs.fse.identity.internal.AccountUserDetailsService::callerOf);
	}

	/** An enabled account by its username (stored lower-case), as a caller. */
	@Transactional(readOnly = true)
	public java.util.Optional<org.iofs.fse.access.Caller> callerNamed(String username) {
		return accounts.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
			.filter(a -> a.enabled())
			.map(org.iofs.fse.identity.internal.AccountUserDetailsService::callerOf);
	}

	/** Accounts' display names by id, one read for any number: for pages that name the owners of many rows. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		jdbc.sql("SELECT id, display_name FROM identity.account WHERE id = ANY (:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("display_name")))
			.list();
		return names;
	}

	/** One account as a person to tell, if it is enabled. */
	@Transactional(readOnly = true)
	public java.util.Optional<Member> member(UUID account) {
		return accounts.findById(account).filter(a -> a.enabled()).map(a -> new Member(a.id(), a.displayName(),
				a.email() == null ? "" : a.email(), Locale.forLanguageTag(jdbc.sql(
						"SELECT language FROM identity.account WHERE id = :id").param("id", account).query(String.class)
					.single())));
	}

	@Transactional(readOnly = true)
	public List<Member> holding(Role role, Scope scope) {
		return jdbc.sql("""
				SELECT DISTINCT a.id, a.display_name, coalesce(a.email, '') AS email, a.language
				FROM identity.account a JOIN identity.role_grant g ON g.account_id = a.id
				WHERE a.enabled AND g.role = :role AND g.scope_type = :type AND g.scope_id = :scope
				ORDER BY a.id
				""")
			.param("role", role.name())
			.param("type", scope.type().name())
			.param("scope", scope.id() == null ? "" : scope.id())
			.query((rs, row) -> new Member(rs.getObject("id", UUID.class), rs.getString("display_name"),
					rs.getString("email"), Locale.forLanguageTag(rs.getString("language"))))
			.list();
	}

	/** The people who act for one organisation (its company members). */
	public List<Member> actingFor(UUID organisation) {
		return holding(Role.COMPANY_MEMBER, Scope.organisation(organisation));
	}

}
