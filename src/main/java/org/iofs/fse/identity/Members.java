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

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
