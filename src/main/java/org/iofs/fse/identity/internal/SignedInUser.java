package org.iofs.fse.identity.internal;

import java.util.Collection;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** What Spring Security keeps for a signed-in account: the caller, and the hash only until the password is checked. */
class SignedInUser implements UserDetails, CallerPrincipal, CredentialsContainer {

	private final Caller caller;

	private final boolean enabled;

	private String passwordHash;

	SignedInUser(Caller caller, boolean enabled, String passwordHash) {
		this.caller = caller;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	@Override
	public Caller caller() {
		return caller;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return caller.grants().stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return caller.username();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
