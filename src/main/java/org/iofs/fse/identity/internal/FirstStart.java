package org.iofs.fse.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.access.Role;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.platform.PlatformMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start, creates the IOFS Secretariat and the account {@code admin}, with the password from
 * {@code FSE_ADMIN_PASSWORD}, or a generated one printed this once. With demo data on, adds one demo account
 * per role (passwords in README). Later starts find them and change nothing.
 */
@Component
class FirstStart {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	static final String ADMIN = "admin";

	private final AccountRepository repository;

	private final Accounts accounts;

	private final Organisations organisations;

	private final DemoAccounts demo;

	private final PlatformMode mode;

	private final TransactionTemplate transaction;

	private final String adminPassword;

	FirstStart(AccountRepository repository, Accounts accounts, Organisations organisations, DemoAccounts demo,
			PlatformMode mode, TransactionTemplate transaction, @Value("${fse.admin-password:}") String adminPassword) {
		this.repository = repository;
		this.accounts = accounts;
		this.organisations = organisations;
		this.demo = demo;
		this.mode = mode;
		this.transaction = transaction;
		this.adminPassword = adminPassword;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void onReady(ApplicationReadyEvent event) {
		try {
			transaction.executeWithoutResult(status -> {
				organisations.ensureSecretariat();
				if (!repository.exists(ADMIN)) {
					createAdministrator();
				}
				if (mode.demoData()) {
					demo.ensure();
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance starting at the same moment created them first.
			log.info("Start-up accounts were created by another instance");
		}
	}

	private void createAdministrator() {
		boolean given = adminPassword != null && !adminPassword.isBlank();
		if (given && adminPassword.length() < Passwords.MIN_LENGTH) {
			throw new IllegalStateException("FSE_ADMIN_PASSWORD must be at least " + Passwords.MIN_LENGTH + " characters");
		}
		var created = accounts.insert(new NewAccount(ADMIN, "Administrator", null, Organisations.SECRETARIAT,
				given ? adminPassword : null, Role.ADMIN, ""));
		if (created.generatedPassword() != null) {
			log.warn("Created the administrator account '{}' with the generated password: {}  "
					+ "(shown this once; set FSE_ADMIN_PASSWORD before the first start to choose it)", ADMIN,
					created.generatedPassword());
		}
		else {
			log.info("Created the administrator account '{}' with the password from FSE_ADMIN_PASSWORD", ADMIN);
		}
	}

}
