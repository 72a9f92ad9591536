package org.iofs.fse.reserves.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The release rules, each on its own. */
class ReleasePolicyTest {

	final ReleasePolicy oneAnalyst = ReleasePolicy.ofChain("ANALYST");

	final ReleasePolicy analystThenAdmin = ReleasePolicy.ofChain(" analyst , ADMIN ");

	@Test
	void eachStepMovesFromItsStatusesOnly() {
		assertThat(oneAnalyst.next(1, ReleaseStatus.DRAFT, ReleasePolicy.Step.SUBMIT)).isEqualTo(ReleaseStatus.SUBMITTED);
		assertThat(oneAnalyst.next(1, ReleaseStatus.SUBMITTED, ReleasePolicy.Step.ASSESS)).isEqualTo(ReleaseStatus.ASSESSED);
		assertThat(oneAnalyst.next(1, ReleaseStatus.ASSESSED, ReleasePolicy.Step.REJECT)).isEqualTo(ReleaseStatus.REJECTED);
		assertThat(oneAnalyst.next(1, ReleaseStatus.REJECTED, ReleasePolicy.Step.CLOSE)).isEqualTo(ReleaseStatus.CLOSED);
		assertThat(oneAnalyst.next(1, ReleaseStatus.DISPATCHED, ReleasePolicy.Step.DELIVER)).isEqualTo(ReleaseStatus.DELIVERED);
		assertThatThrownBy(() -> oneAnalyst.next(7, ReleaseStatus.DRAFT, ReleasePolicy.Step.DISPATCH))
			.isInstanceOf(ConflictException.class).hasMessageContaining("Request 7 is DRAFT")
			.hasMessageContaining("only from APPROVED");
		assertThatThrownBy(() -> oneAnalyst.next(7, ReleaseStatus.APPROVED, ReleasePolicy.Step.REJECT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> oneAnalyst.next(7, ReleaseStatus.CLOSED, ReleasePolicy.Step.CLOSE))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void onlyTierTwoNamesAPaymentAndMustName() {
		assertThat(oneAnalyst.payment(2, " loan ")).isEqualTo(ReleasePolicy.Payment.LOAN);
		assertThat(oneAnalyst.payment(1, null)).isNull();
		assertThat(oneAnalyst.payment(3, " ")).isNull();
		assertThatThrownBy(() -> oneAnalyst.payment(2, null)).isInstanceOf(InvalidInputException.class)
			.extracting("field").isEqualTo("payment");
		assertThatThrownBy(() -> oneAnalyst.payment(2, "BARTER")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> oneAnalyst.payment(3, "CASH")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> oneAnalyst.tier(4)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> oneAnalyst.tier(null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void whatEachTierLeavesToGiveBack() {
		assertThat(oneAnalyst.obligation(1, null)).isEqualTo(ReleasePolicy.Obligation.GRAIN_FOR_GRAIN);
		assertThat(oneAnalyst.obligation(2, "LOAN")).isEqualTo(ReleasePolicy.Obligation.GRAIN_FOR_GRAIN);
		assertThat(oneAnalyst.obligation(2, "CASH")).isEqualTo(ReleasePolicy.Obligation.CASH);
		assertThat(oneAnalyst.obligation(2, "GRANT")).isNull();
		assertThat(oneAnalyst.obligation(3, null)).isNull();
		assertThat(oneAnalyst.drawsOnPledges(1)).isTrue();
		assertThat(oneAnalyst.drawsOnPledges(3)).isFalse();
	}

	@Test
	void theChainIsFollowedStepByStepAndNeverByTheRequester() {
		Caller analyst = caller("ana", Role.ANALYST);
		Caller admin = caller("adm", Role.ADMIN);
		Caller otherAnalyst = caller("bob", Role.ANALYST);

		assertThat(analystThenAdmin.approvalsNeeded()).isEqualTo(2);
		assertThat(analystThenAdmin.approvalStep(1, analyst, "focal", List.of())).isEqualTo(1);
		assertThat(analystThenAdmin.approvalStep(1, admin, "focal", List.of("ana"))).isEqualTo(2);
		assertThatThrownBy(() -> analystThenAdmin.approvalStep(1, otherAnalyst, "focal", List.of("ana")))
			.isInstanceOf(ConflictException.class).extracting("reason").isEqualTo("WRONG_APPROVER");
		assertThatThrownBy(() -> analystThenAdmin.approvalStep(1, analyst, "focal", List.of("ana")))
			.isInstanceOf(ConflictException.class).extracting("reason").isEqualTo("ALREADY_APPROVED");
		assertThatThrownBy(() -> analystThenAdmin.approvalStep(1, analyst, "ana", List.of()))
			.isInstanceOf(ConflictException.class).extracting("reason").isEqualTo("REQUESTER_MAY_NOT_APPROVE");
		assertThatThrownBy(() -> oneAnalyst.requireNotRequester(analyst, "ana", "assess"))
			.isInstanceOf(ConflictException.class).extracting("reason").isEqualTo("REQUESTER_MAY_NOT_DECIDE");
		assertThatThrownBy(() -> ReleasePolicy.ofChain(" , ")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aDispatchGoesBySeaRailRoadOrAir() {
		assertThat(oneAnalyst.mode(" road")).isEqualTo("ROAD");
		assertThatThrownBy(() -> oneAnalyst.mode("CAMEL")).isInstanceOf(InvalidInputException.class);
	}

	private static Caller caller(String username, Role role) {
		return new Caller(UUID.randomUUID(), username, username, UUID.randomUUID(),
				Set.of(new Grant(role, Scope.GLOBAL)));
	}

}
