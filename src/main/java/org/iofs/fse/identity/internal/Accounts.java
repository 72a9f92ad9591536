package org.iofs.fse.identity.internal;

import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration: create, disable and enable accounts, reset passwords, grant and revoke scoped roles.
 * Every method checks the caller with the access policy and audits the change in the same transaction.
 * Disabling an account or resetting its password ends its open sessions.
 */
@Service
public class Accounts {

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final Countries countries;

	private final SessionTermination sessions;

	// Tokens stand for the account as it was: a change of its state or grants must reach them at once.
	private final TokenCallers tokenCallers;

	private final ApiTokens tokens;

	Accounts(AccountRepository repository, PasswordEncoder passwords, AccessPolicy access, AuditTrail audit,
			Organisations organisations, Countries countries, SessionTermination sessions, TokenCallers tokenCallers,
			ApiTokens tokens) {
		this.tokens = tokens;
		this.repository = repository;
		this.passwords = passwords;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.countries = countries;
		this.sessions = sessions;
		this.tokenCallers = tokenCallers;
	}

	@Transactional(readOnly = true)
	public PageOf<Account> find(String text, int page, int size) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		PageOf.checkRequest(page, size);
		String filter = text == null || text.isBlank() ? null : text.trim();
		if (filter != null && filter.length() > 100) {
			throw new InvalidInputException("q", "must be at most 100 characters");
		}
		return new PageOf<>(repository.page(filter, page, size), page, size, repository.count(filter));
	}

	/** For pages that only prepare an administrative action (the empty new-account form). */
	public void requireAdministrator() {
		access.require(Action.ADMINISTER_ACCOUNTS);
	}

	@Transactional(readOnly = true)
	public Account get(UUID id) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		return repository.findById(id).orElseThrow(() -> new NotFoundException("account", id.toString()));
	}

	/** Creates the account with its first grant; returns the password when the platform generated it. */
	@Transactional
	public Created create(NewAccount request) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		return insert(request);
	}

	public Created insert(NewAccount request) {
		if (repository.exists(request.username())) {
			throw new InvalidInputException("username", "is taken");
		}
		if (organisations.find(request.organisationId()).isEmpty()) {
			throw new InvalidInputException("organisationId", "no such organisation");
		}
		Grant grant = checkedGrant(request.role(), request.scopeId());
		String password = request.password() == null ? Passwords.generate() : request.password();
		UUID id = UUID.randomUUID();
		repository.insert(id, request, passwords.encode(password));
		repository.insertGrant(UUID.randomUUID(), id, grant);
		Account account = repository.findById(id).orElseThrow();
		audit.record("account.created", "account", id, null, account);
		return new Created(account, request.password() == null ? password : null);
	}

	@Transactional
	public Account disable(UUID id) {
		return setEnabled(id, false);
	}

	@Transactional
	public Account enable(UUID id) {
		return setEnabled(id, true);
	}

	private Account setEnabled(UUID id, boolean enabled) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		Account before = get(id);
		repository.setEnabled(id, enabled);
		tokenCallers.forgetAll();
		Account after = get(id);
		audit.record(enabled ? "account.enabled" : "account.disabled", "account", id, before, after);
		if (!enabled) {
			tokens.revokeAllOf(id, "account disabled");
			sessions.endAllOf(before.username());
		}
		return after;
	}

	/**
	 * Sets a new password (generated when none is given, and returned once), revokes the account's API tokens and
	 * ends its sessions.
	 */
	@Transactional
	public String resetPassword(UUID id, String newPassword) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		Account account = get(id);
		if (newPassword != null && !newPassword.isEmpty()) {
			checkLength(newPassword, "password");
		}
		String password = newPassword == null || newPassword.isEmpty() ? Passwords.generate() : newPassword;
		repository.setPasswordHash(id, passwords.encode(password));
		audit.record("account.password-reset", "account", id, null, Map.of("username", account.username()));
		tokens.revokeAllOf(id, "password reset");
		sessions.endAllOf(account.username());
		return newPassword == null || newPassword.isEmpty() ? password : null;
	}

	/**
	 * The caller changes their own password, proving the current one. Every API token made before dies and every
	 * session ends, this one included: whoever else knew the old password is out.
	 */
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		String hash = repository.passwordHash(caller.username()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		checkLength(newPassword, "newPassword");
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInputException("newPassword", "must differ from the current password");
		}
		repository.setPasswordHash(caller.id(), passwords.encode(newPassword));
		audit.record("account.password-changed", "account", caller.id(), null, Map.of("username", caller.username()));
		tokens.revokeAllOf(caller.id(), "password changed");
		sessions.endAllOf(caller.username());
	}

	private static void checkLength(String password, String field) {
		if (password == null || password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
			throw new InvalidInputException(field,
					"must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
		}
	}

	@Transactional
	public Account grant(UUID id, Role role, String scopeId) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		Account before = get(id);
		Grant grant = checkedGrant(role, scopeId);
		if (before.grants().stream().anyMatch(g -> g.grant().equals(grant))) {
			throw new InvalidInputException("role", "the account already holds this grant");
		}
		repository.insertGrant(UUID.randomUUID(), id, grant);
		tokenCallers.forgetAll();
		Account after = get(id);
		audit.record("account.granted", "account", id, before, after);
		return after;
	}

	@Transactional
	public Account revoke(UUID id, UUID grantId) {
		access.require(Action.ADMINISTER_ACCOUNTS);
		Account before = get(id);
		if (repository.deleteGrant(id, grantId) == 0) {
			throw new NotFoundException("grant", grantId.toString());
		}
		tokenCallers.forgetAll();
		Account after = get(id);
		audit.record("account.revoked", "account", id, before, after);
		return after;
	}

	private Grant checkedGrant(Role role, String scopeId) {
		if (role == null) {
			throw new InvalidInputException("role", "is required");
		}
		String id = scopeId == null ? "" : scopeId.trim();
		Scope scope = switch (role.scopeType()) {
			case GLOBAL -> Scope.GLOBAL;
			case COUNTRY -> Scope.country(countries.find(id)
				.orElseThrow(() -> new InvalidInputException("scopeId", "must be the ISO3 code of an OIC member state"))
				.iso3());
			case HUB -> {
				if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
					throw new InvalidInputException("scopeId", "must be a hub code (letters, digits, dashes)");
				}
				yield Scope.hub(id);
			}
			case ORGANISATION -> {
				UUID organisation = parseUuid(id);
				if (organisations.find(organisation).isEmpty()) {
					throw new InvalidInputException("scopeId", "no such organisation");
				}
				yield Scope.organisation(organisation);
			}
		};
		return new Grant(role, scope);
	}

	private static UUID parseUuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("scopeId", "must be an organisation id");
		}
	}

	/** A new account, and its password when the platform generated it (shown once, never stored in clear). */
	public record Created(Account account, String generatedPassword) {
	}

}
