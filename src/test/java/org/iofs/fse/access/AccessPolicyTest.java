package org.iofs.fse.access;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

	final AccessPolicy policy = new AccessPolicy();

	static final UUID COMPANY = UUID.randomUUID();

	static Caller caller(Grant... grants) {
		return new Caller(UUID.randomUUID(), "someone", "Someone", UUID.randomUUID(), Set.of(grants));
	}

	@Test
	void administratorsMayDoEverything() {
		Caller admin = caller(Grant.global(Role.ADMIN));
		for (Action action : Action.values()) {
			assertThat(policy.allows(admin, action, Scope.country("YEM"))).as(action.name()).isTrue();
		}
	}

	@Test
	void analystsReadAndPublishEverywhereButDoNotAdminister() {
		Caller analyst = caller(Grant.global(Role.ANALYST));

		assertThat(policy.allows(analyst, Action.READ_ALL, Scope.GLOBAL)).isTrue();
		assertThat(policy.allows(analyst, Action.PUBLISH, Scope.GLOBAL)).isTrue();
		assertThat(policy.allows(analyst, Action.READ_COUNTRY_DATA, Scope.country("PAK"))).isTrue();
		assertThat(policy.allows(analyst, Action.ADMINISTER_ACCOUNTS, Scope.GLOBAL)).isFalse();
		assertThat(policy.allows(analyst, Action.READ_AUDIT, Scope.GLOBAL)).isFalse();
		assertThat(policy.allows(analyst, Action.ENTER_COUNTRY_DATA, Scope.country("PAK"))).isFalse();
	}

	@Test
	void scopedRolesAskedAboutTheWholePlatformAreSimplyRefused() {
		Caller yemen = caller(new Grant(Role.COUNTRY_FOCAL_POINT, Scope.country("YEM")));
		Caller operator = caller(new Grant(Role.HUB_OPERATOR, Scope.hub("JED-1")));

		for (Action action : Action.values()) {
			if (action != Action.MANAGE_OWN_TOKENS) {
				assertThat(policy.allows(yemen, action, Scope.GLOBAL)).as(action.name()).isFalse();
				assertThat(policy.allows(operator, action, Scope.GLOBAL)).as(action.name()).isFalse();
			}
		}
	}

	@Test
	void focalPointsActOnlyForTheirCountries() {
		Caller yemen = caller(new Grant(Role.COUNTRY_FOCAL_POINT, Scope.country("YEM")),
				new Grant(Role.COUNTRY_FOCAL_POINT, Scope.country("SOM")));

		assertThat(policy.allows(yemen, Action.ENTER_COUNTRY_DATA, Scope.country("YEM"))).isTrue();
		assertThat(policy.allows(yemen, Action.REQUEST_RELEASE, Scope.country("SOM"))).isTrue();
		assertThat(policy.allows(yemen, Action.READ_COUNTRY_DATA, Scope.country("yem"))).isTrue();
		assertThat(policy.allows(yemen, Action.ENTER_COUNTRY_DATA, Scope.country("PAK"))).isFalse();
		assertThat(policy.allows(yemen, Action.READ_ALL, Scope.GLOBAL)).isFalse();
		assertThat(policy.allows(yemen, Action.OPERATE_HUB, Scope.hub("YEM"))).isFalse();
	}

	@Test
	void hubOperatorsAndCompanyMembersActOnlyInTheirScope() {
		Caller operator = caller(new Grant(Role.HUB_OPERATOR, Scope.hub("JED-1")));
		Caller member = caller(new Grant(Role.COMPANY_MEMBER, Scope.organisation(COMPANY)));

		assertThat(policy.allows(operator, Action.OPERATE_HUB, Scope.hub("JED-1"))).isTrue();
		assertThat(policy.allows(operator, Action.OPERATE_HUB, Scope.hub("DKR-1"))).isFalse();
		assertThat(policy.allows(member, Action.ACT_FOR_ORGANISATION, Scope.organisation(COMPANY))).isTrue();
		assertThat(policy.allows(member, Action.ACT_FOR_ORGANISATION, Scope.organisation(UUID.randomUUID()))).isFalse();
		assertThat(policy.allows(member, Action.READ_COUNTRY_DATA, Scope.country("YEM"))).isFalse();
	}

	@Test
	void anonymousCallersMayDoNothingThatNeedsARole() {
		for (Action action : Action.values()) {
			assertThat(policy.allows(null, action, Scope.GLOBAL)).isFalse();
		}
	}

	@Test
	void aGrantCarriesTheScopeItsRoleNeeds() {
		assertThatThrownBy(() -> new Grant(Role.COUNTRY_FOCAL_POINT, Scope.GLOBAL)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Grant(Role.ADMIN, Scope.country("YEM"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Scope(ScopeType.HUB, " ")).isInstanceOf(IllegalArgumentException.class);
	}

}
