package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.DraftDispatches;
import org.iofs.fse.reserves.ReleaseDelivered;
import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release requests. A country focal point drafts and submits a request under a tier; an analyst assesses it with a
 * decision note; the approval chain ({@code fse.reserves.approval-chain}, by default one analyst) approves it, or an
 * analyst rejects it, and no approver is ever the requester; a hub operator dispatches it (lots picked first expiry
 * first out, as a shipment); the requesting country confirms delivery with the tonnes received and their condition;
 * an analyst closes it. What a tier 1 or 2 release obliges is {@link ReleaseObligations}' part. Every transition
 * is an event and an audit record.
 */
@Service
public class Releases {

	public record NewRequest(String country, String reserve, String commodity, BigDecimal tonnes, String deliveryPoint,
			LocalDate needBy, Integer tier, String payment, String justification, Boolean localUsed,
			Boolean nationalUsed) {
	}

	public record Dispatch(String hub, String mode, LocalDate estimatedDeparture, LocalDate estimatedArrival) {
	}

	public record Delivery(BigDecimal receivedTonnes, String condition) {
	}

	/**
	 * A step of a request's history: the person's note as they wrote it, or for a dispatch the shipment and the hub
	 * it left from, which the page words in the reader's language.
	 */
	public record Event(String fromStatus, String toStatus, String actor, String note, String writtenIn,
			Long shipmentId, String shipmentHub, Instant at) {
	}

	public record ShipmentLine(long shipmentId, String originHub, String mode, LocalDate estimatedArrival,
			LocalDate actualDeparture, LocalDate actualArrival, long lotId, BigDecimal tonnes) {

		/** Days in transit: from departure to arrival, or to the estimated arrival while on the way. */
		@JsonProperty
		public Long transitDays() {
			LocalDate end = actualArrival != null ? actualArrival : estimatedArrival;
			return actualDeparture == null || end == null ? null : ChronoUnit.DAYS.between(actualDeparture, end);
		}

	}

	public record Request(long id, String country, String reserve, String commodity, BigDecimal tonnes,
			String deliveryPoint, LocalDate needBy, int tier, String payment, String justification, boolean localUsed,
			boolean nationalUsed, String status, String assessmentNote, int approvalsNeeded, String requestedBy,
			Instant createdAt, Instant submittedAt, Instant deliveredAt, BigDecimal receivedTonnes,
			String receivedCondition, boolean demo, String writtenIn, String assessmentWrittenIn, String preparedBy) {

		/** Days from submission to delivery, against the IOFS target of 15 to 45 days. */
		@JsonProperty
		public Long leadTimeDays() {
			return submittedAt == null || deliveredAt == null ? null
					: ChronoUnit.DAYS.between(submittedAt, deliveredAt);
		}

	}

	public record Detail(Request request, List<Event> events, List<String> approvers, List<ShipmentLine> shipments,
			Map<String, Object> obligation) {
	}

	static final String SELECT = """
			SELECT id, country_iso3 AS country, reserve_code AS reserve, commodity_code AS commodity, tonnes,
			       delivery_point, need_by, tier, payment, justification, local_used, national_used, status,
			       assessment_note, approvals_needed, requested_by, created_at, submitted_at, delivered_at,
			       received_tonnes, received_condition, demo, written_in, assessment_written_in, prepared_by
			FROM reserves.release_request
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final StockLedger ledger;

	private final Hubs hubs;

	private final ReleaseReads reads;

	private final ReleaseObligations obligations;

	private final DraftDispatches drafts;

	private final ReleasePolicy policy;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ReleaseHistory history;

	Releases(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, Commodities commodities,
			StockLedger ledger, Hubs hubs, ReleaseReads reads, ReleaseObligations obligations, DraftDispatches drafts,
			@Value("${fse.reserves.approval-chain:ANALYST}") String approvalChain, Clock clock,
			ApplicationEventPublisher events, ReleaseHistory history) {
		this.history = history;
		this.events = events;
		this.clock = clock;
		this.drafts = drafts;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.ledger = ledger;
		this.hubs = hubs;
		this.reads = reads;
		this.obligations = obligations;
		this.policy = ReleasePolicy.ofChain(approvalChain);
	}

	@Transactional
	public Request create(NewRequest request) {
		String country = countries.get(Inputs.required(request.country(), "country")).iso3();
		Caller caller = access.require(Action.REQUEST_RELEASE, Scope.country(country));
		String reserve = Inputs.required(request.reserve(), "reserve").toUpperCase(Locale.ROOT);
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.reserve_member WHERE reserve_code = :r AND country_iso3 = :c)")
			.param("r", reserve).param("c", country).query(Boolean.class).single()) {
			throw new InvalidInputException("reserve", country + " is not a member of reserve " + reserve);
		}
		String commodity = commodities.tradable(Inputs.required(request.commodity(), "commodity"), "commodity").code();
		BigDecimal tonnes = Tonnes.positive(request.tonnes(), "tonnes");
		int tier = policy.tier(request.tier());
		ReleasePolicy.Payment payment = policy.payment(tier, request.payment());
		if (request.needBy() == null || request.needBy().isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException("needBy", "is required and may not be in the past");
		}
		if (request.needBy().isAfter(LocalDate.now(clock).plusYears(5))) {
			throw new InvalidInputException("needBy", "is more than five years ahead");
		}
		long id = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, payment, justification, local_used, national_used, status, approvals_needed,
				    requested_by, written_in)
				VALUES (:country, :reserve, :commodity, :tonnes, :point, :needBy, :tier, :payment, :justification,
				        :local, :national, 'DRAFT', :approvals, :user, :writtenIn)
				RETURNING id
				""")
			.param("country", country)
			.param("reserve", reserve)
			.param("commodity", commodity)
			.param("tonnes", tonnes)
			.param("writtenIn", ReleaseHistory.writersLanguage())
			.param("point",
					Inputs.text(Inputs.required(request.deliveryPoint(), "deliveryPoint"), 200, "deliveryPoint"))
			.param("needBy", Date.valueOf(request.needBy()))
			.param("tier", tier)
			.param("payment", payment == null ? null : payment.name())
			.param("justification",
					Inputs.text(Inputs.required(request.justification(), "justification"), 4000, "justification"))
			.param("local", Boolean.TRUE.equals(request.localUsed()))
			.param("national", Boolean.TRUE.equals(request.nationalUsed()))
			.param("approvals", policy.approvalsNeeded())
			.param("user", caller.username())
			.query(Long.class)
			.single();
		history.record(id, null, "DRAFT", caller.username(), null, null);
		return load(id);
	}

	@Transactional
	public Request submit(long id) {
		Request request = load(id);
		Caller caller = access.require(Action.REQUEST_RELEASE, Scope.country(request.country()));
		if (org.iofs.fse.reserves.ReleaseDrafts.PLATFORM.equals(request.requestedBy()) && request.preparedBy() == null) {
			throw new ConflictException("PROPOSAL_NOT_SENT",
					"Request " + id + " is a draft of a response proposal that the Secretariat has not sent yet");
		}
		move(request, ReleasePolicy.Step.SUBMIT, caller, null, null);
		return load(id);
	}

	/** An analyst's decision note, on which the approvers decide. */
	@Transactional
	public Request assess(long id, String note) {
		Request request = load(id);
		Caller caller = access.require(Action.PUBLISH);
		policy.requireNotRequester(caller, request.requestedBy(), "assess");
		String text = Inputs.text(Inputs.required(note, "note"), 4000, "note");
		move(request, ReleasePolicy.Step.ASSESS, caller, text, null);
		return load(id);
	}

	/** One step of the approval chain; the last step approves the request. */
	@Transactional
	public Request approve(long id) {
		Request request = load(id);
		Caller caller = access.require(Action.PUBLISH);
		policy.next(id, ReleaseStatus.valueOf(request.status()), ReleasePolicy.Step.APPROVE);
		policy.requireNotPreparer(caller, request.preparedBy(), "approve");
		int step = policy.approvalStep(id, caller, request.requestedBy(), reads.approvers(id));
		jdbc.sql("INSERT INTO reserves.release_approval (request_id, step, approver) VALUES (:id, :step, :user)")
			.param("id", id)
			.param("step", step)
			.param("user", caller.username())
			.update();
		audit.record("reserves.release-approval", "release-request", id, null,
				Map.of("step", step, "of", policy.approvalsNeeded()));
		if (step == policy.approvalsNeeded()) {
			move(request, ReleasePolicy.Step.APPROVE, caller, null, null);
		}
		return load(id);
	}

	@Transactional
	public Request reject(long id, String note) {
		Request request = load(id);
		Caller caller = access.require(Action.PUBLISH);
		policy.requireNotRequester(caller, request.requestedBy(), "reject");
		policy.requireNotPreparer(caller, request.preparedBy(), "reject");
		move(request, ReleasePolicy.Step.REJECT, caller, Inputs.text(Inputs.required(note, "note"), 4000, "note"), null);
		return load(id);
	}

	/**
	 * A hub operator ships the request from their hub, one shipment: the lots an allocation plan proposed for this
	 * hub when they still hold the request's tonnes (the plan chose lots that are still good on arrival), otherwise
	 * lots picked FEFO.
	 */
	@Transactional
	public Request dispatch(long id, Dispatch dispatch) {
		Request request = load(id);
		Hubs.Hub origin = hubs.get(Inputs.required(dispatch.hub(), "hub"));
		String hub = origin.code();
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		if (!request.reserve().equals(origin.reserve())) {
			throw new InvalidInputException("hub", hub + " is not a hub of reserve " + request.reserve());
		}
		policy.next(id, ReleaseStatus.valueOf(request.status()), ReleasePolicy.Step.DISPATCH);
		String mode = policy.mode(Inputs.required(dispatch.mode(), "mode"));
		LocalDate departure = dispatch.estimatedDeparture() == null ? LocalDate.now(clock) : dispatch.estimatedDeparture();
		if (dispatch.estimatedArrival() == null || dispatch.estimatedArrival().isBefore(departure)) {
			throw new InvalidInputException("estimatedArrival", "is required and may not be before the departure");
		}
		// The request's number as a reference the same in every language (RR: release request).
		String reference = "RR-" + id;
		List<Movement> picked = drafts.plannedLots(id, hub, request.tonnes())
			.map(lots -> ledger.dispatchLots(hub, lots, reference))
			.orElseGet(() -> ledger.dispatchFefo(hub, request.commodity(), request.tonnes(), reference));
		long shipment = jdbc.sql("""
				INSERT INTO reserves.shipment (request_id, origin_hub, destination, mode, estimated_departure,
				    estimated_arrival, actual_departure)
				VALUES (:id, :hub, :destination, :mode, :departure, :arrival, :today) RETURNING id
				""")
			.param("id", id)
			.param("hub", hub)
			.param("destination", request.deliveryPoint())
			.param("mode", mode)
			.param("departure", Date.valueOf(departure))
			.param("arrival", Date.valueOf(dispatch.estimatedArrival()))
			.param("today", Date.valueOf(LocalDate.now(clock)))
			.query(Long.class)
			.single();
		for (Movement movement : picked) {
			jdbc.sql("""
					INSERT INTO reserves.shipment_line (shipment_id, lot_id, tonnes, ledger_entry_id)
					VALUES (:s, :lot, :tonnes, :entry)
					""")
				.param("s", shipment)
				.param("lot", movement.lotId())
				.param("tonnes", movement.tonnes().negate())
				.param("entry", movement.entryId())
				.update();
		}
		obligations.onDispatch(request, origin.country(), policy);
		move(request, ReleasePolicy.Step.DISPATCH, caller, null, shipment);
		return load(id);
	}

	/** The requesting country confirms delivery: tonnes received and their condition. */
	@Transactional
	public Request deliver(long id, Delivery delivery) {
		Request request = load(id);
		Caller caller = access.require(Action.REQUEST_RELEASE, Scope.country(request.country()));
		BigDecimal received = delivery.receivedTonnes();
		if (received == null || received.signum() < 0) {
			throw new InvalidInputException("receivedTonnes", "is required");
		}
		String condition = Inputs.text(Inputs.required(delivery.condition(), "condition"), 500, "condition");
		jdbc.sql("UPDATE reserves.shipment SET actual_arrival = :today WHERE request_id = :id AND actual_arrival IS NULL")
			.param("id", id)
			.param("today", Date.valueOf(LocalDate.now(clock)))
			.update();
		jdbc.sql("UPDATE reserves.release_request SET received_tonnes = :t, received_condition = :c WHERE id = :id")
			.param("t", received.setScale(3, RoundingMode.HALF_UP))
			.param("c", condition)
			.param("id", id)
			.update();
		move(request, ReleasePolicy.Step.DELIVER, caller, condition, null);
		Request delivered = load(id);
		events.publishEvent(new ReleaseDelivered(id, delivered.country(), delivered.reserve(), delivered.commodity(),
				received, delivered.deliveredAt()));
		return delivered;
	}

	/** The Secretariat records that an obligation was settled (grain given back, or cash repaid). */
	@Transactional
	public Detail settle(long id, LocalDate settledOn) {
		Request request = load(id);
		access.require(Action.PUBLISH);
		obligations.settle(request.id(), settledOn);
		return reads.detail(request.id());
	}

	@Transactional
	public Request close(long id) {
		Request request = load(id);
		Caller caller = access.require(Action.PUBLISH);
		move(request, ReleasePolicy.Step.CLOSE, caller, null, null);
		return load(id);
	}

	/**
	 * Moves a request one step, if it is still where it was read (a concurrent move makes this one a 409). One
	 * statement for every step: the step's time and the assessment note are set when the target status calls for
	 * them.
	 */
	private void move(Request request, ReleasePolicy.Step step, Caller caller, String note, Long shipment) {
		ReleaseStatus to = policy.next(request.id(), ReleaseStatus.valueOf(request.status()), step);
		int changed = jdbc.sql("""
				UPDATE reserves.release_request SET status = :to,
				    submitted_at = CASE WHEN :to = 'SUBMITTED' THEN :now ELSE submitted_at END,
				    approved_at = CASE WHEN :to = 'APPROVED' THEN :now ELSE approved_at END,
				    delivered_at = CASE WHEN :to = 'DELIVERED' THEN :now ELSE delivered_at END,
				    assessment_note = CASE WHEN :to = 'ASSESSED' THEN :note ELSE assessment_note END,
				    assessment_written_in = CASE WHEN :to = 'ASSESSED' THEN :writtenIn ELSE assessment_written_in END,
				    requested_by = CASE WHEN :to = 'SUBMITTED' AND requested_by = :platform THEN :actor
				                        ELSE requested_by END
				WHERE id = :id AND status = :from
				""")
			.param("to", to.name())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("note", note)
			.param("writtenIn", ReleaseHistory.writersLanguage())
			.param("id", request.id())
			.param("from", request.status())
			.param("platform", org.iofs.fse.reserves.ReleaseDrafts.PLATFORM)
			.param("actor", caller.username())
			.update();
		if (changed == 0) {
			throw new ConflictException("CHANGED_MEANWHILE", "Request " + request.id() + " changed meanwhile; reload it");
		}
		history.record(request.id(), request.status(), to.name(), caller.username(), note, shipment);
		if (to != ReleaseStatus.DELIVERED) {
			events.publishEvent(new org.iofs.fse.reserves.ReleaseStepTaken(request.id(), request.country(),
					request.commodity(), request.status(), to.name()));
		}
	}

	Request load(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(RecordRowMapper.of(Request.class)).optional()
			.orElseThrow(() -> new NotFoundException("release request", Long.toString(id)));
	}

}
