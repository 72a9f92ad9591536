package org.iofs.fse.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company registers itself: its organisation (legal name in three languages, country) and a first member's
 * account, created disabled with the COMPANY_MEMBER role scoped to the new organisation. The account becomes usable
 * only when the link sent to its e-mail address is opened (within {@link #VALID_FOR}); then the member signs in and
 * files the company's IFPA application, which the Secretariat verifies. Both steps are audited.
 */
@Service
class Registrations {

	static final Duration VALID_FOR = Duration.ofHours(24);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the registration form asks. */
	record Registration(String username, String displayName, String email, String password, String companyNameEn,
			String companyNameAr, String companyNameFr, String country) {
	}

	/** A registration made: the account, its address and the token to send there (never stored in clear). */
	record Registered(UUID account, UUID organisation, String email, String token) {
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Organisations organisations;

	private final Countries countries;

	private final AuditTrail audit;

	private final Clock clock;

	Registrations(JdbcClient jdbc, Accounts accounts, Organisations organisations, Countries countries, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organisations = organisations;
		this.countries = countries;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Registered register(Registration given) {
		String email = required(given.email(), "email").toLowerCase(Locale.ROOT);
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
			throw new InvalidInputException("email", "is not an e-mail address");
		}
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE lower(email) = :email)").param("email", email)
			.query(Boolean.class).single()) {
			throw new InvalidInputException("email", "is already registered; sign in, or ask the Secretariat");
		}
		String password = required(given.password(), "password");
		if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
			throw new InvalidInputException("password", "must be " + Passwords.MIN_LENGTH + " to "
					+ Passwords.MAX_LENGTH + " characters");
		}
		String country = countries.find(required(given.country(), "country"))
			.orElseThrow(() -> new InvalidInputException("country", "must be an OIC member state"))
			.iso3();
		UUID organisation = UUID.randomUUID();
		try {
			organisations.ensure(organisation, new NewOrganisation(OrganisationType.COMPANY, country,
					name(given.companyNameEn(), "companyNameEn"), name(given.companyNameAr(), "companyNameAr"),
					name(given.companyNameFr(), "companyNameFr")));
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInputException("companyNameEn", "is already registered");
		}
		String username = required(given.username(), "username").toLowerCase(Locale.ROOT);
		if (!username.matches("[a-z0-9][a-z0-9._-]{1,49}")) {
			throw new InvalidInputException("username", "letters, digits, dots, dashes; 2 to 50 characters");
		}
		String displayName = name(given.displayName(), "displayName");
		if (displayName.length() > 100) {
			throw new InvalidInputException("displayName", "is longer than 100 characters");
		}
		UUID account = accounts.insert(new NewAccount(username, displayName, email, organisation, password, Role.COMPANY_MEMBER,
				organisation.toString())).account().id();
		jdbc.sql("UPDATE identity.account SET enabled = false WHERE id = :id").param("id", account).update();
		String token = token();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO identity.email_verification (account_id, token_hash, expires_at, created_at)
				VALUES (:account, :hash, :expires, :now)
				""").param("account", account).param("hash", ApiTokens.hash(token))
			.param("expires", Timestamp.from(now.plus(VALID_FOR))).param("now", Timestamp.from(now)).update();
		audit.recordAs(account, given.username(), "account.registered", "account", account, null,
				Map.of("organisation", organisation.toString(), "country", country));
		return new Registered(account, organisation, email, token);
	}

	/** Opens the account whose link this is; refused when the link is unknown, used or expired. */
	@Transactional
	public UUID verify(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new InvalidInputException("token", "is missing");
		}
		var found = jdbc.sql("""
				DELETE FROM identity.email_verification WHERE token_hash = :hash RETURNING account_id, expires_at
				""").param("hash", ApiTokens.hash(token.strip()))
			.query((rs, row) -> Map.entry(rs.getObject("account_id", UUID.class), rs.getTimestamp("expires_at").toInstant()))
			.optional()
			.orElseThrow(() -> new ConflictException("LINK_UNKNOWN", "This link is unknown or was already used"));
		if (found.getValue().isBefore(clock.instant())) {
			throw new ConflictException("LINK_EXPIRED", "This link expired on " + found.getValue() + "; register again");
		}
		String username = jdbc.sql("""
				UPDATE identity.account SET enabled = true, email_verified_at = :now, updated_at = :now WHERE id = :id
				RETURNING username
				""").param("now", Timestamp.from(clock.instant())).param("id", found.getKey()).query(String.class).single();
		audit.recordAs(found.getKey(), username, "account.email-verified", "account", found.getKey(), null, null);
		return found.getKey();
	}

	private static String required(String value, String field) {
		return Inputs.required(value, field);
	}

	private static String name(String value, String field) {
		return Inputs.name(value, 200, field);
	}

	private static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
