package org.iofs.fse.reserves.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Role;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

/**
 * The rules of a release, in one place: which step moves a request from which status to which, the tiers and their
 * payment modes, who may approve at which step of the chain, that the requester never decides on their own request,
 * and what a release leaves to give back. No database, no Spring: each rule is a plain method with its unit test.
 * <p>
 * Tiers follow the reserve's agreement: 1, a forward contract on earmarked stock (given back grain for grain);
 * 2, a spot agreement on earmarked stock, paid in cash, as a loan (given back in grain) or as a grant (nothing to
 * give back); 3, humanitarian, from the reserve's own stock (nothing to give back).
 */
public final class ReleasePolicy {

	/** A step of the workflow and the statuses it may start from. */
	public enum Step {

		SUBMIT(ReleaseStatus.SUBMITTED, ReleaseStatus.DRAFT),
		ASSESS(ReleaseStatus.ASSESSED, ReleaseStatus.SUBMITTED),
		APPROVE(ReleaseStatus.APPROVED, ReleaseStatus.ASSESSED),
		REJECT(ReleaseStatus.REJECTED, ReleaseStatus.SUBMITTED, ReleaseStatus.ASSESSED),
		DISPATCH(ReleaseStatus.DISPATCHED, ReleaseStatus.APPROVED),
		DELIVER(ReleaseStatus.DELIVERED, ReleaseStatus.DISPATCHED),
		CLOSE(ReleaseStatus.CLOSED, ReleaseStatus.DELIVERED, ReleaseStatus.REJECTED),
		WITHDRAW(ReleaseStatus.WITHDRAWN, ReleaseStatus.DRAFT);

		final ReleaseStatus to;

		final Set<ReleaseStatus> from;

		Step(ReleaseStatus to, ReleaseStatus first, ReleaseStatus... more) {
			this.to = to;
			this.from = EnumSet.of(first, more);
		}

	}

	public enum Payment {

		CASH, LOAN, GRANT

	}

	/** What a dispatched release leaves the shipping country to give back. */
	public enum Obligation {

		GRAIN_FOR_GRAIN, CASH

	}

	static final List<String> MODES = List.of("SEA", "RAIL", "ROAD", "AIR");

	private final List<Role> approvalChain;

	ReleasePolicy(List<Role> approvalChain) {
		if (approvalChain.isEmpty()) {
			throw new IllegalStateException("fse.reserves.approval-chain names no role");
		}
		this.approvalChain = List.copyOf(approvalChain);
	}

	/** From the setting: a comma-separated list of roles, one approver per step. */
	public static ReleasePolicy ofChain(String chain) {
		return new ReleasePolicy(Arrays.stream(chain.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT)))
			.toList());
	}

	public int approvalsNeeded() {
		return approvalChain.size();
	}

	/** The status a step leads to; 409 when the request is not where the step starts. */
	public ReleaseStatus next(long id, ReleaseStatus current, Step step) {
		if (!step.from.contains(current)) {
			throw new ConflictException("WRONG_STATUS", "Request " + id + " is " + current + "; it moves to " + step.to
					+ " only from " + String.join(" or ", step.from.stream().map(Enum::name).toList()));
		}
		return step.to;
	}

	/** The tier, checked: 1, 2 or 3. */
	public int tier(Integer tier) {
		if (tier == null || tier < 1 || tier > 3) {
			throw new InvalidInputException("tier", "must be 1 (forward contract), 2 (spot agreement) or 3 (humanitarian)");
		}
		return tier;
	}

	/** The payment mode: required of tier 2 (cash, loan or grant), refused for the others. */
	public Payment payment(int tier, String payment) {
		String given = payment == null || payment.isBlank() ? null : payment.strip().toUpperCase(Locale.ROOT);
		if (tier != 2) {
			if (given != null) {
				throw new InvalidInputException("payment", "only tier 2 releases name a payment");
			}
			return null;
		}
		if (given == null || Arrays.stream(Payment.values()).noneMatch(p -> p.name().equals(given))) {
			throw new InvalidInputException("payment", "a tier 2 release is paid in CASH, as a LOAN or as a GRANT");
		}
		return Payment.valueOf(given);
	}

	/** What the release obliges its shipping country to give back; none for tier 3 and tier 2 grants. */
	public Obligation obligation(int tier, String payment) {
		if (tier == 1 || (tier == 2 && Payment.LOAN.name().equals(payment))) {
			return Obligation.GRAIN_FOR_GRAIN;
		}
		return tier == 2 && Payment.CASH.name().equals(payment) ? Obligation.CASH : null;
	}

	/** Whether a release draws on earmarked stock, whose pledge records what to restore (tiers 1 and 2). */
	public boolean drawsOnPledges(int tier) {
		return tier != 3;
	}

	/** The requester assesses, approves and rejects none of their own requests. */
	public void requireNotRequester(Caller caller, String requester, String what) {
		if (caller.username().equals(requester)) {
			throw new ConflictException("REQUESTER_MAY_NOT_DECIDE", "The requester may not " + what + " their own request");
		}
	}

	/** Whoever prepared a response proposal's draft request may not decide on it (two people, always). */
	public void requireNotPreparer(Caller caller, String preparedBy, String what) {
		if (caller.username().equals(preparedBy)) {
			throw new ConflictException("PREPARER_MAY_NOT_DECIDE",
					"Whoever prepared the response proposal may not " + what + " its request");
		}
	}

	/**
	 * The step a caller approves, given who approved before (in order): the chain's next role (or an
	 * administrator), never the requester, never twice the same person.
	 *
	 * @return the step number, from 1; the request is approved when it equals {@link #approvalsNeeded()}
	 */
	public int approvalStep(long id, Caller caller, String requester, List<String> approvedBy) {
		if (caller.username().equals(requester)) {
			throw new ConflictException("REQUESTER_MAY_NOT_APPROVE", "The requester may not approve their own request");
		}
		if (approvedBy.contains(caller.username())) {
			throw new ConflictException("ALREADY_APPROVED", caller.username() + " has already approved request " + id);
		}
		if (approvedBy.size() >= approvalChain.size()) {
			throw new ConflictException("WRONG_STATUS", "Request " + id + " has all its approvals");
		}
		Role needed = approvalChain.get(approvedBy.size());
		if (!caller.holds(needed) && !caller.holds(Role.ADMIN)) {
			throw new ConflictException("WRONG_APPROVER", "Step " + (approvedBy.size() + 1) + " is approved by a "
					+ needed.name().toLowerCase(Locale.ROOT));
		}
		return approvedBy.size() + 1;
	}

	/** The transport mode of a dispatch. */
	public String mode(String mode) {
		String given = mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT);
		if (!MODES.contains(given)) {
			throw new InvalidInputException("mode", "must be SEA, RAIL, ROAD or AIR");
		}
		return given;
	}

}
