package org.iofs.fse.identity.internal;

import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Role;

import org.springframework.stereotype.Component;

/**
 * Administrators without two-step verification are reminded on every page (the layout asks {@link #due()}), and,
 * where the setting makes it compulsory, are kept to the page that turns it on until they do.
 */
@Component("secondFactorReminder")
class SecondFactorReminder {

	private final SecondFactors secondFactors;

	private final IdentitySettings settings;

	SecondFactorReminder(SecondFactors secondFactors, IdentitySettings settings) {
		this.secondFactors = secondFactors;
		this.settings = settings;
	}

	/** Whether the signed-in caller is an administrator without a second factor. */
	public boolean due() {
		return CurrentCaller.get().filter(c -> c.holds(Role.ADMIN)).map(c -> !secondFactors.isOn(c.id())).orElse(false);
	}

	/** Whether the signed-in caller must turn it on before doing anything else. */
	boolean compulsoryNow() {
		return settings.secondFactorRequiredForAdministrators() && due();
	}

	boolean required() {
		return settings.secondFactorRequiredForAdministrators();
	}

}
