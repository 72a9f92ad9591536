package org.iofs.fse.reserves;

import org.iofs.fse.reserves.internal.ReleaseReads;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatches proposed for approved release requests, by the allocation optimiser: hub, mode, dates and lots. A
 * proposal moves no stock; the hub's operators see it on the request and dispatch (their dispatch picks FEFO at the
 * hub, as always). The Secretariat proposes; whoever may read the request reads its proposals.
 */
@Service
public class DraftDispatches {

	/** A request waiting for its dispatch, as a demand for a plan. */
	public record Awaiting(long id, String country, String reserve, String commodity, BigDecimal tonnes, LocalDate needBy,
			int tier) {
	}

	public record Line(long lotId, BigDecimal tonnes) {
	}

	/** A proposal; its source is "allocation-plan:ID" when a plan made it. */
	public record Draft(long id, long requestId, String originHub, String mode, LocalDate estimatedDeparture,
			LocalDate estimatedArrival, String source, String createdBy, Instant createdAt, BigDecimal tonnes) {

		@JsonProperty
		public Long planId() {
			return source.startsWith(PLAN_SOURCE) ? Long.valueOf(source.substring(PLAN_SOURCE.length())) : null;
		}

	}

	/** The source of a proposal made by an allocation plan, followed by the plan's id. */
	public static final String PLAN_SOURCE = "allocation-plan:";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final ReleaseReads reads;

	private final Clock clock;

	DraftDispatches(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, ReleaseReads reads, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.reads = reads;
	}

	/** Approved requests not yet dispatched, oldest first. */
	@Transactional(readOnly = true)
	public List<Awaiting> awaiting() {
		access.require(Action.PLAN_ALLOCATION);
		return jdbc.sql("""
				SELECT id, country_iso3 AS country, reserve_code AS reserve, commodity_code AS commodity, tonnes, need_by,
				       tier
				FROM reserves.release_request WHERE status = 'APPROVED' ORDER BY id
				""").query(RecordRowMapper.of(Awaiting.class)).list();
	}

	/** Proposes one dispatch for an approved request; 409 when the request is not (or no longer) approved. */
	@Transactional
	public long propose(long requestId, String hub, String mode, LocalDate departure, LocalDate arrival,
			List<Line> lines, String source) {
		Caller caller = access.require(Action.PLAN_ALLOCATION);
		String status = jdbc.sql("SELECT status FROM reserves.release_request WHERE id = :id FOR UPDATE")
			.param("id", requestId).query(String.class).optional()
			.orElseThrow(() -> new InvalidInputException("releaseRequest", "no release request " + requestId));
		if (!"APPROVED".equals(status)) {
			throw new ConflictException("NOT_APPROVED", "Release request " + requestId + " is " + status
					+ "; only an approved request waits for a dispatch");
		}
		if (lines.isEmpty()) {
			throw new InvalidInputException("lines", "a dispatch carries at least one lot");
		}
		long id = jdbc.sql("""
				INSERT INTO reserves.draft_dispatch (request_id, origin_hub, mode, estimated_departure, estimated_arrival,
				    source, created_by)
				VALUES (:request, :hub, :mode, :departure, :arrival, :source, :by) RETURNING id
				""").param("request", requestId).param("hub", hub).param("mode", mode)
			.param("departure", Date.valueOf(departure)).param("arrival", Date.valueOf(arrival)).param("source", source)
			.param("by", caller.username()).query(Long.class).single();
		for (Line line : lines) {
			jdbc.sql("INSERT INTO reserves.draft_dispatch_line (draft_id, lot_id, tonnes) VALUES (:d, :lot, :t)")
				.param("d", id).param("lot", line.lotId()).param("t", line.tonnes()).update();
		}
		audit.record("reserves.dispatch-proposed", "release-request", requestId, null,
				Map.of("draft", id, "hub", hub, "mode", mode, "arrival", arrival.toString(), "source", source));
		return id;
	}

	/** The proposals for a request, for whoever may read the request. */
	@Transactional(readOnly = true)
	public List<Draft> of(long requestId) {
		reads.get(requestId);
		return jdbc.sql("""
				SELECT d.id, d.request_id, d.origin_hub, d.mode, d.estimated_departure, d.estimated_arrival, d.source,
				       d.created_by, d.created_at, (SELECT sum(tonnes) FROM reserves.draft_dispatch_line l
				                                    WHERE l.draft_id = d.id) AS tonnes
				FROM reserves.draft_dispatch d WHERE d.request_id = :id ORDER BY d.id
				""").param("id", requestId).query(RecordRowMapper.of(Draft.class)).list();
	}

	/**
	 * The lots the latest proposal for a request at a hub planned, when they make up the request's tonnes and each
	 * still may give its part (available, not expired, enough on hand); otherwise none, and the dispatch picks FEFO.
	 */
	public Optional<List<Line>> plannedLots(long requestId, String hub, BigDecimal tonnes) {
		// One reading of the proposal's lines, each with whether its lot still may give its part.
		List<PlannedLine> lines = jdbc.sql("""
				SELECT l.lot_id, l.tonnes, EXISTS (
				           SELECT 1 FROM reserves.lot_balance b JOIN reserves.lot t ON t.id = b.lot_id
				           WHERE b.lot_id = l.lot_id AND b.hub_code = :hub AND b.on_hand >= l.tonnes
				             AND t.quality_status = 'AVAILABLE' AND t.best_before >= :today) AS still_there
				FROM reserves.draft_dispatch_line l
				WHERE l.draft_id = (SELECT max(id) FROM reserves.draft_dispatch WHERE request_id = :r AND origin_hub = :hub)
				ORDER BY l.lot_id
				""").param("r", requestId).param("hub", hub).param("today", Date.valueOf(LocalDate.now(clock)))
			.query((rs, n) -> new PlannedLine(new Line(rs.getLong(1), rs.getBigDecimal(2)), rs.getBoolean(3)))
			.list();
		BigDecimal sum = lines.stream().map(l -> l.line().tonnes()).reduce(BigDecimal.ZERO, BigDecimal::add);
		boolean usable = !lines.isEmpty() && lines.stream().allMatch(PlannedLine::stillThere)
				&& sum.compareTo(tonnes) == 0;
		return usable ? Optional.of(lines.stream().map(PlannedLine::line).toList()) : Optional.empty();
	}

	private record PlannedLine(Line line, boolean stillThere) {
	}

}
