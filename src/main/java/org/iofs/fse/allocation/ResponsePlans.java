package org.iofs.fse.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.allocation.internal.AllocationPlans;
import org.iofs.fse.allocation.internal.PlanRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans for a response proposal: one demand (a drafted release request, served from its reserve's hubs) that may
 * also be met by buying through IFPA. The response module asks and checks its own readers; the plan is kept like any
 * other, for the Secretariat to open.
 */
@Service
public class ResponsePlans {

	/** What the response needs: a member, a commodity, tonnes by a date, from these hubs (its reserve's). */
	public record Need(String country, String commodity, BigDecimal tonnes, LocalDate needBy, int tier,
			Long releaseRequest, List<String> fromHubs, String label) {
	}

	/** What a plan found: tonnes from the reserves, tonnes to buy through IFPA and their cost, tonnes left unmet. */
	public record Outcome(long plan, String status, BigDecimal reserveTonnes, BigDecimal purchasedTonnes,
			BigDecimal purchaseCost, BigDecimal transportCost, BigDecimal unmetTonnes) {
	}

	private final AllocationPlans plans;

	private final JdbcClient jdbc;

	ResponsePlans(AllocationPlans plans, JdbcClient jdbc) {
		this.plans = plans;
		this.jdbc = jdbc;
	}

	/** Solves and keeps the plan; never inside a transaction (the solver holds no connection). */
	public long planFor(Need need) {
		return plans.solveForPlatform(new PlanRequest(need.label(),
				List.of(new PlanRequest.DemandInput(need.country(), need.commodity(), need.tonnes(), need.needBy(),
						AllocationPlans.priorityOfTier(need.tier()), List.of(), null, need.releaseRequest(),
						need.fromHubs())),
				false, null, true));
	}

	/** Each plan's outcome in figures, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Outcome> outcomes(Collection<Long> plans) {
		Map<Long, Outcome> found = new HashMap<>();
		jdbc.sql("""
				SELECT p.id, p.status,
				       coalesce((SELECT sum(tonnes) FROM allocation.plan_line WHERE plan_id = p.id), 0) AS reserve_tonnes,
				       coalesce((SELECT sum(tonnes) FROM allocation.plan_purchase WHERE plan_id = p.id), 0) AS purchased,
				       coalesce((SELECT sum(cost) FROM allocation.plan_purchase WHERE plan_id = p.id), 0) AS purchase_cost,
				       p.transport_cost, p.unmet_tonnes
				FROM allocation.plan p WHERE p.id = ANY (:ids)
				""").param("ids", plans.toArray(Long[]::new))
			.query((rs, row) -> found.put(rs.getLong(1), new Outcome(rs.getLong(1), rs.getString(2),
					rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
					rs.getBigDecimal(7))))
			.list();
		return found;
	}

}
