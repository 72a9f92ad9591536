package org.iofs.fse.foodbalance.internal;

import org.iofs.fse.platform.HoldsData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the module holds any balance sheets (a restore does not replace them unasked). */
@Component
class BalanceSheetsHeld implements HoldsData {

	private final JdbcClient jdbc;

	BalanceSheetsHeld(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holdsData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM foodbalance.balance_line)").query(Boolean.class).single();
	}

}
