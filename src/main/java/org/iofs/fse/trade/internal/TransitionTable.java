package org.iofs.fse.trade.internal;

import java.util.List;

import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of allowed steps (action, from status, to status, the side that takes it): deals' and finance requests'
 * life cycles are data, read here. The table name is one of this module's own, never a caller's input.
 */
record TransitionTable(JdbcClient jdbc, String table, String subject) {

	/** One allowed step: where it leads and who takes it. */
	record Transition(String action, String toStatus, String takenBy) {
	}

	static TransitionTable deals(JdbcClient jdbc) {
		return new TransitionTable(jdbc, "trade.deal_transition", "Deal");
	}

	static TransitionTable financeRequests(JdbcClient jdbc) {
		return new TransitionTable(jdbc, "trade.finance_transition", "Finance request");
	}

	/** The step an action takes from a status; 409 WRONG_STATUS when the table has none. */
	Transition step(long id, String action, String from) {
		return jdbc.sql("SELECT action, to_status, taken_by FROM " + table + " WHERE action = :action AND from_status = :from")
			.param("action", action)
			.param("from", from)
			.query(RecordRowMapper.of(Transition.class))
			.optional()
			.orElseThrow(() -> new ConflictException("WRONG_STATUS", subject + " " + id + " is " + from + "; it cannot "
					+ action));
	}

	/** Every step allowed from a status. */
	List<Transition> from(String status) {
		return jdbc.sql("SELECT action, to_status, taken_by FROM " + table + " WHERE from_status = :from ORDER BY action")
			.param("from", status)
			.query(RecordRowMapper.of(Transition.class))
			.list();
	}

}
