package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The distribution hubs: where each is, who runs it, which reserve it serves. Public, as the reserves publish them. */
@Service
public class Hubs {

	public record Hub(String code, String name, String kind, String country, String reserve, String operator,
			BigDecimal latitude, BigDecimal longitude, String storageConditions, boolean demo) implements Named {

		/** A hub has one name so far, its operator's, the same in every language. */
		@Override
		public String name(Locale locale) {
			return name;
		}

	}

	private static final String SELECT = """
			SELECT code, name, kind, country_iso3 AS country, reserve_code AS reserve, operator, latitude, longitude,
			       storage_conditions, demo
			FROM reserves.hub
			""";

	private final JdbcClient jdbc;

	Hubs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Hub> all() {
		return jdbc.sql(SELECT + " ORDER BY country_iso3, code").query(Hub.class).list();
	}

	@Transactional(readOnly = true)
	public List<Hub> ofCountry(String iso3) {
		return jdbc.sql(SELECT + " WHERE country_iso3 = :c ORDER BY code").param("c", iso3).query(Hub.class).list();
	}

	/** Whether a hub of this code exists (codes as stored: upper case). */
	@Transactional(readOnly = true)
	public boolean exists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.hub WHERE code = :code)").param("code", code)
			.query(Boolean.class).single();
	}

	/** Every hub's code. */
	@Transactional(readOnly = true)
	public java.util.Set<String> codes() {
		return new java.util.HashSet<>(jdbc.sql("SELECT code FROM reserves.hub").query(String.class).list());
	}

	@Transactional(readOnly = true)
	public Hub get(String code) {
		String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		return jdbc.sql(SELECT + " WHERE code = :code").param("code", key).query(Hub.class).optional()
			.orElseThrow(() -> new NotFoundException("hub", key));
	}

}
