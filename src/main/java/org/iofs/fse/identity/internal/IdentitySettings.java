package org.iofs.fse.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts and credentials.
 *
 * @param tokenMaxDays the longest an API token may be valid ({@code fse.identity.token-max-days}, default 90)
 * @param secondFactorRequiredForAdministrators whether administrators must use two-step verification
 *        ({@code fse.identity.second-factor-required-for-administrators}, default false, so that scripts and the
 *        README's token example keep working; administrators without it are reminded on every page either way)
 */
@ConfigurationProperties("fse.identity")
record IdentitySettings(@DefaultValue("90") int tokenMaxDays,
		@DefaultValue("false") boolean secondFactorRequiredForAdministrators) {
}
