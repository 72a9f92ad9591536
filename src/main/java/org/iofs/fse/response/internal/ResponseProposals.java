package org.iofs.fse.response.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;
import org.iofs.fse.allocation.OfferSource;
import org.iofs.fse.allocation.ResponsePlans;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.reserves.ReleaseDrafts;
import org.iofs.fse.response.ProposalSent;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response proposals as the Secretariat reads and decides them. Analysts and administrators read every proposal and
 * send, revise or dismiss a drafted one; a member's focal points read the proposals sent to their member; anyone
 * else reads none (a proposal they may not read does not exist for them). Deciding moves nothing: sending lets the
 * focal point submit the drafted request (and makes the sender one who may not approve it), revising changes the
 * draft and solves its plan again, dismissing withdraws the draft. Each decision is audited.
 */
@Service
public class ResponseProposals {

	public record Proposal(long id, String country, String commodity, LocalDate alertMonth, String alertIndicator,
			String alertBand, int alertSeries, String status, Integer balanceYear, BigDecimal selfSufficiency,
			BigDecimal importDependency, BigDecimal monthlyUseT, String reserveCode, BigDecimal reserveStockT,
			BigDecimal reservePledgedT, BigDecimal offeredT, BigDecimal suggestedTonnes, int suggestedTier,
			LocalDate needBy, Long releaseRequestId, Long planId, Instant createdAt, String decidedBy,
			Instant decidedAt, String note, boolean demo) {
	}

	/**
	 * A proposal with its outcome: where its release request stands, what its plan found, and the IFPA offers that
	 * could serve it when it was drafted.
	 */
	public record View(Proposal proposal, ReleaseDrafts.Standing release, ResponsePlans.Outcome plan,
			List<OfferSource.SuppliableOffer> offers) {
	}

	/** How an analyst revises a drafted proposal: tonnes, tier (and its payment for tier 2), need-by date. */
	public record Revision(BigDecimal tonnes, Integer tier, String payment, LocalDate needBy) {
	}

	static final String SELECT = """
			SELECT id, country_iso3 AS country, commodity_code AS commodity, alert_month, alert_indicator, alert_band,
			       alert_series, status, balance_year, self_sufficiency, import_dependency, monthly_use_t, reserve_code,
			       reserve_stock_t, reserve_pledged_t, offered_t, suggested_tonnes, suggested_tier, need_by,
			       release_request_id, plan_id, created_at, decided_by, decided_at, note, demo
			FROM response.proposal
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final ReleaseDrafts releases;

	private final ResponsePlans plans;

	private final ProposalDrafting drafting;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	ResponseProposals(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, ReleaseDrafts releases, ResponsePlans plans,
			ProposalDrafting drafting, TransactionTemplate transaction, ApplicationEventPublisher events,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.releases = releases;
		this.plans = plans;
		this.drafting = drafting;
		this.transaction = transaction;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** The proposals the caller may read, newest first, optionally of one status and one member. */
	public PageOf<View> list(String status, String country, int page, int size) {
		PageOf.checkRequest(page, size);
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		boolean all = access.allows(caller, Action.READ_ALL, Scope.GLOBAL);
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
		String iso3 = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
		String where = """
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:country AS text) IS NULL OR country_iso3 = :country)
				  AND (:all OR (status = 'SENT' AND country_iso3 = ANY (CAST(:own AS text[]))))
				""";
		String[] own = ownCountries(caller);
		List<Proposal> items = jdbc.sql(SELECT + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("status", wanted).param("country", iso3).param("all", all).param("own", own)
			.param("limit", size).param("offset", (long) page * size).query(RecordRowMapper.of(Proposal.class)).list();
		long total = jdbc.sql("SELECT count(*) FROM response.proposal " + where).param("status", wanted)
			.param("country", iso3).param("all", all).param("own", own).query(Long.class).single();
		return new PageOf<>(views(items), page, size, total);
	}

	/** One proposal, if the caller may read it (404 otherwise). */
	public View get(long id) {
		Proposal proposal = readable(id);
		return views(List.of(proposal)).get(0);
	}

	/** The analyst sends a drafted proposal: the member's focal points may now review and submit its request. */
	public View send(long id) {
		Caller caller = access.require(Action.PUBLISH);
		transaction.executeWithoutResult(status -> {
			Proposal proposal = drafted(id);
			decide(id, "SENT", caller, null);
			if (proposal.releaseRequestId() != null) {
				releases.prepared(proposal.releaseRequestId(), caller.username());
			}
			audit.record("response.proposal-sent", "response-proposal", id, Map.of("status", "DRAFTED"),
					Map.of("status", "SENT"));
			events.publishEvent(new ProposalSent(id, proposal.country(), proposal.commodity(),
					proposal.releaseRequestId()));
		});
		return get(id);
	}

	/** Changes a drafted proposal and its draft request, then solves its plan again (outside the transaction). */
	public View revise(long id, Revision revision) {
		access.require(Action.PUBLISH);
		BigDecimal tonnes = revision.tonnes();
		if (tonnes == null || tonnes.signum() <= 0 || tonnes.scale() > 3 || tonnes.compareTo(new BigDecimal("99999999999")) > 0) {
			throw new InvalidInputException("tonnes", "must be more than 0 tonnes, with at most 3 decimals");
		}
		if (revision.tier() == null || revision.tier() < 1 || revision.tier() > 3) {
			throw new InvalidInputException("tier", "must be 1 (forward contract), 2 (spot agreement) or 3 (humanitarian)");
		}
		String payment = revision.payment() == null || revision.payment().isBlank() ? null
				: revision.payment().strip().toUpperCase(Locale.ROOT);
		if (revision.tier() == 2 && !Arrays.asList("CASH", "LOAN", "GRANT").contains(payment)) {
			throw new InvalidInputException("payment", "a tier 2 release is paid in CASH, as a LOAN or as a GRANT");
		}
		LocalDate today = LocalDate.now(clock);
		if (revision.needBy() == null || revision.needBy().isBefore(today) || revision.needBy().isAfter(today.plusYears(1))) {
			throw new InvalidInputException("needBy", "must be between today and a year from today");
		}
		transaction.executeWithoutResult(status -> {
			Proposal before = drafted(id);
			jdbc.sql("""
					UPDATE response.proposal SET suggested_tonnes = :tonnes, suggested_tier = :tier, need_by = :needBy,
					    plan_id = NULL
					WHERE id = :id
					""").param("tonnes", tonnes).param("tier", revision.tier())
				.param("needBy", Date.valueOf(revision.needBy())).param("id", id).update();
			if (before.releaseRequestId() != null) {
				releases.revise(before.releaseRequestId(), tonnes, revision.tier(), revision.tier() == 2 ? payment : null,
						revision.needBy());
			}
			audit.record("response.proposal-revised", "response-proposal", id,
					Map.of("tonnes", before.suggestedTonnes(), "tier", before.suggestedTier(),
							"needBy", before.needBy().toString()),
					Map.of("tonnes", tonnes, "tier", revision.tier(), "needBy", revision.needBy().toString()));
		});
		drafting.plan(id);
		return get(id);
	}

	/** Dismisses a drafted proposal with the reason; its draft request is withdrawn. */
	public View dismiss(long id, String note) {
		Caller caller = access.require(Action.PUBLISH);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "say why the proposal is dismissed");
		}
		String text = note.strip();
		if (text.length() > 2000) {
			throw new InvalidInputException("note", "is longer than 2,000 characters");
		}
		transaction.executeWithoutResult(status -> {
			Proposal proposal = drafted(id);
			decide(id, "DISMISSED", caller, text);
			if (proposal.releaseRequestId() != null) {
				releases.withdraw(proposal.releaseRequestId());
			}
			audit.record("response.proposal-dismissed", "response-proposal", id, Map.of("status", "DRAFTED"),
					Map.of("status", "DISMISSED", "note", text));
		});
		return get(id);
	}

	private void decide(long id, String to, Caller caller, String note) {
		int changed = jdbc.sql("""
				UPDATE response.proposal SET status = :to, decided_by = :by, decided_at = :at, note = :note
				WHERE id = :id AND status = 'DRAFTED'
				""").param("to", to).param("by", caller.username()).param("at", Timestamp.from(clock.instant()))
			.param("note", note).param("id", id).update();
		if (changed == 0) {
			throw new ConflictException("CHANGED_MEANWHILE", "Proposal " + id + " changed meanwhile; reload it");
		}
	}

	private Proposal drafted(long id) {
		Proposal proposal = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id)
			.query(RecordRowMapper.of(Proposal.class))
			.optional().orElseThrow(() -> new NotFoundException("response proposal", Long.toString(id)));
		if (!proposal.status().equals("DRAFTED")) {
			throw new ConflictException("WRONG_STATUS", "Proposal " + id + " is " + proposal.status()
					+ "; only a drafted proposal is sent, revised or dismissed");
		}
		return proposal;
	}

	private Proposal readable(long id) {
		Caller caller = access.require(Action.MANAGE_OWN_TOKENS);
		Proposal proposal = jdbc.sql(SELECT + " WHERE id = :id").param("id", id)
			.query(RecordRowMapper.of(Proposal.class)).optional()
			.orElseThrow(() -> new NotFoundException("response proposal", Long.toString(id)));
		boolean all = access.allows(caller, Action.READ_ALL, Scope.GLOBAL);
		if (!all && !(proposal.status().equals("SENT") && Arrays.asList(ownCountries(caller)).contains(proposal.country()))) {
			throw new NotFoundException("response proposal", Long.toString(id));
		}
		return proposal;
	}

	private static String[] ownCountries(Caller caller) {
		return caller.grants().stream()
			.filter(g -> g.role() == Role.COUNTRY_FOCAL_POINT && g.scope().type() == ScopeType.COUNTRY)
			.map(g -> g.scope().id())
			.toArray(String[]::new);
	}

	/** Each proposal with its request's standing and its plan's outcome, read in one query each. */
	private List<View> views(List<Proposal> items) {
		Map<Long, ReleaseDrafts.Standing> standing = releases.standing(
				items.stream().map(Proposal::releaseRequestId).filter(Objects::nonNull).toList());
		Map<Long, ResponsePlans.Outcome> outcomes = plans.outcomes(
				items.stream().map(Proposal::planId).filter(Objects::nonNull).toList());
		Map<Long, String> offers = new java.util.HashMap<>();
		if (!items.isEmpty()) {
			jdbc.sql("SELECT id, offers::text FROM response.proposal WHERE id = ANY (:ids)")
				.param("ids", items.stream().map(Proposal::id).toArray(Long[]::new))
				.query((rs, row) -> offers.put(rs.getLong(1), rs.getString(2))).list();
		}
		return items.stream().map(p -> new View(p, p.releaseRequestId() == null ? null : standing.get(p.releaseRequestId()),
				p.planId() == null ? null : outcomes.get(p.planId()),
				json.readValue(offers.getOrDefault(p.id(), "[]"), new TypeReference<List<OfferSource.SuppliableOffer>>() {
				}))).toList();
	}

	/** Whether the caller reads every proposal (the Secretariat): for the pages' forms. */
	public boolean secretariat() {
		return CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)).orElse(false);
	}

}
