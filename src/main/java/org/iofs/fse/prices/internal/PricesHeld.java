package org.iofs.fse.prices.internal;

import org.iofs.fse.platform.HoldsData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the module holds any price observations (a restore does not replace them unasked). */
@Component
class PricesHeld implements HoldsData {

	private final JdbcClient jdbc;

	PricesHeld(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holdsData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM prices.observation_year)").query(Boolean.class).single();
	}

}
