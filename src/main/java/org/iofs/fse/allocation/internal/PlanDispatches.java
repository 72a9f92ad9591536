package org.iofs.fse.allocation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.reserves.DraftDispatches;
import org.iofs.fse.shared.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a plan into draft dispatches of the release workflow: for each demand drawn from an approved release
 * request, one proposed dispatch per hub and path, with its lots and dates. Demands typed in by hand have no request
 * to dispatch and are counted apart. A plan is turned once; a request no longer approved is refused whole (409).
 */
@Service
public class PlanDispatches {

	public record Outcome(long plan, int drafts, int demandsWithoutRequest) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final PlanReads plans;

	private final DraftDispatches drafts;

	PlanDispatches(JdbcClient jdbc, AccessPolicy access, PlanReads plans, DraftDispatches drafts) {
		this.jdbc = jdbc;
		this.access = access;
		this.plans = plans;
		this.drafts = drafts;
	}

	@Transactional
	public Outcome draft(long id) {
		access.require(Action.PLAN_ALLOCATION);
		int claimed = jdbc.sql("""
				UPDATE allocation.plan SET dispatches_drafted_at = :now WHERE id = :id AND dispatches_drafted_at IS NULL
				""").param("now", Timestamp.from(Instant.now())).param("id", id).update();
		PlanReads.Plan plan = plans.get(id);
		if (claimed == 0) {
			throw new ConflictException("ALREADY_DRAFTED", "Plan " + id + " was already turned into draft dispatches");
		}
		Map<Integer, Long> requestOf = new LinkedHashMap<>();
		int withoutRequest = 0;
		for (PlanReads.DemandRow demand : plan.demands()) {
			if (demand.releaseRequestId() != null) {
				requestOf.put(demand.demandNo(), demand.releaseRequestId());
			}
			else if (demand.metTonnes().signum() > 0) {
				withoutRequest++;
			}
		}
		// One draft per demand, hub and path: the lines that travel together.
		Map<String, List<PlanReads.LineRow>> shipments = new LinkedHashMap<>();
		for (PlanReads.LineRow line : plan.lines()) {
			if (requestOf.containsKey(line.demandNo())) {
				shipments.computeIfAbsent(line.demandNo() + "/" + line.hubCode() + "/" + line.viaRouteId() + "/"
						+ line.routeId(), k -> new ArrayList<>()).add(line);
			}
		}
		for (List<PlanReads.LineRow> lines : shipments.values()) {
			PlanReads.LineRow first = lines.get(0);
			drafts.propose(requestOf.get(first.demandNo()), first.hubCode(), first.mode(), first.departure(),
					first.arrival(), lines.stream().map(l -> new DraftDispatches.Line(l.lotId(), l.tonnes())).toList(),
					DraftDispatches.PLAN_SOURCE + id);
		}
		return new Outcome(id, shipments.size(), withoutRequest);
	}

}
