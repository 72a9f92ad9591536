package org.iofs.fse.reserves.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.reserves.internal.Releases.Request;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a tier 1 or 2 release leaves behind when it is dispatched: an obligation to give back (grain for grain, or
 * cash for a tier 2 cash payment; none for a tier 2 grant) due {@code fse.reserves.repayment-months} (12) later,
 * and the tonnes the shipping country's pledge must restore. Runs inside the release's transaction; the caller
 * checked who acts.
 */
@Component
class ReleaseObligations {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final int repaymentMonths;

	private final Clock clock;

	ReleaseObligations(JdbcClient jdbc, AuditTrail audit,
			@Value("${fse.reserves.repayment-months:12}") int repaymentMonths, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.repaymentMonths = repaymentMonths;
	}

	void onDispatch(Request request, String shippingCountry, ReleasePolicy policy) {
		if (policy.drawsOnPledges(request.tier())) {
			// Tiers 1 and 2 draw on earmarked stock: the pledge of the shipping hub's country records what it must
			// restore.
			jdbc.sql("""
					UPDATE reserves.pledge SET to_restore = least(tonnes, to_restore + :tonnes)
					WHERE id = (SELECT id FROM reserves.pledge WHERE reserve_code = :reserve AND country_iso3 = :country
					            AND commodity_code = :commodity AND CAST(:today AS date) BETWEEN valid_from AND valid_until
					            ORDER BY id LIMIT 1)
					""")
				.param("tonnes", request.tonnes())
				.param("reserve", request.reserve())
				.param("country", shippingCountry)
				.param("commodity", request.commodity())
				.param("today", Date.valueOf(LocalDate.now(clock)))
				.update();
			ReleasePolicy.Obligation kind = policy.obligation(request.tier(), request.payment());
			if (kind != null) {
				jdbc.sql("""
						INSERT INTO reserves.obligation (request_id, country_iso3, kind, commodity_code, tonnes, due_on)
						VALUES (:id, :country, :kind, :commodity, :tonnes, :due)
						""")
					.param("id", request.id())
					.param("country", request.country())
					.param("kind", kind.name())
					.param("commodity", request.commodity())
					.param("tonnes", request.tonnes())
					.param("due", Date.valueOf(LocalDate.now(clock).plusMonths(repaymentMonths)))
					.update();
			}
		}
	}

	void settle(long id, LocalDate settledOn) {
		LocalDate on = settledOn == null ? LocalDate.now(clock) : settledOn;
		if (on.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("settledOn", "is in the future");
		}
		int settled = jdbc.sql("UPDATE reserves.obligation SET settled_on = :on WHERE request_id = :id AND settled_on IS NULL")
			.param("on", Date.valueOf(on))
			.param("id", id)
			.update();
		if (settled == 0) {
			throw new ConflictException("NO_OPEN_OBLIGATION", "Request " + id + " has no open obligation");
		}
		audit.record("reserves.obligation-settled", "release-request", id, null, Map.of("settledOn", on.toString()));
	}

}
