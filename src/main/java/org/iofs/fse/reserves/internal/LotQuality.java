package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.Hubs;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A lot's quality status, set by the hub's operators; the stock ledger refuses to issue from any but AVAILABLE. */
@Service
public class LotQuality {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Hubs hubs;

	private final Clock clock;

	LotQuality(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Hubs hubs, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.hubs = hubs;
	}

	/**
	 * Changes a lot's quality status: quarantine it (it may not be issued), make it available again, or commit it to
	 * a use. An expired lot stays expired. The balance row is locked first, so no issue runs halfway through.
	 */
	@Transactional
	public String setStatus(String hubCode, long lot, String status, String reason) {
		String hub = hubs.get(hubCode).code();
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		String wanted = Inputs.required(status, "status").toUpperCase(Locale.ROOT);
		if (!List.of("AVAILABLE", "QUARANTINED", "COMMITTED").contains(wanted)) {
			throw new InvalidInputException("status", "must be AVAILABLE, QUARANTINED or COMMITTED");
		}
		jdbc.sql("SELECT lot_id FROM reserves.lot_balance WHERE lot_id = :lot AND hub_code = :hub FOR UPDATE")
			.param("lot", lot).param("hub", hub).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("lot", hub + "/" + lot));
		Map<String, Object> before = jdbc.sql("SELECT quality_status, best_before FROM reserves.lot WHERE id = :lot")
			.param("lot", lot).query().singleRow();
		if ("EXPIRED".equals(before.get("quality_status"))
				|| ((Date) before.get("best_before")).toLocalDate().isBefore(LocalDate.now(clock))) {
			throw new ConflictException("LOT_EXPIRED", "Lot " + lot + " is past its best-before date");
		}
		jdbc.sql("UPDATE reserves.lot SET quality_status = :s WHERE id = :lot").param("s", wanted).param("lot", lot).update();
		audit.record("reserves.lot-status", "lot", lot, Map.of("status", before.get("quality_status")),
				Map.of("status", wanted, "reason", Inputs.text(reason, 200, "reason"), "by", caller.username()));
		return wanted;
	}

}
