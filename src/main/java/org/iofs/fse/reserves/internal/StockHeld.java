package org.iofs.fse.reserves.internal;

import org.iofs.fse.platform.HoldsData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the module holds any reserve lots (a restore does not replace them unasked). */
@Component
class StockHeld implements HoldsData {

	private final JdbcClient jdbc;

	StockHeld(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holdsData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.lot)").query(Boolean.class).single();
	}

}
