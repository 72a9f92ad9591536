package org.iofs.fse.identity.internal;

import java.util.Locale;
import java.util.stream.Collectors;

import org.iofs.fse.access.Caller;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for signing in. Usernames are case-insensitive: stored lower-case. */
@Component
public class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String normalized = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		Account account = accounts.findByUsername(normalized).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		String hash = accounts.passwordHash(normalized).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return new SignedInUser(callerOf(account), account.enabled(), hash);
	}

	public static Caller callerOf(Account account) {
		return new Caller(account.id(), account.username(), account.displayName(), account.organisationId(),
				account.grants().stream().map(AccountGrant::grant).collect(Collectors.toSet()));
	}

}
