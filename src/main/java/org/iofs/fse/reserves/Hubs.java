package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The distribution hubs: where each is, who runs it, which reserve it serves. Public, as the reserves publish them. */
@Service
public class Hubs {

	/**
	 * A hub: its names and its operator's in the three languages, its storage conditions as codes (named by the
	 * message bundles under {@code hub.condition.}).
	 */
	public record Hub(String code, LocalizedText names, String kind, String country, String reserve,
			LocalizedText operator, BigDecimal latitude, BigDecimal longitude, List<String> storageConditions,
			boolean demo) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

		public String operator(Locale locale) {
			return operator.in(locale);
		}

	}

	private static final String SELECT = """
			SELECT code, name, coalesce(name_ar, name) AS name_ar, coalesce(name_fr, name) AS name_fr, kind,
			       country_iso3, reserve_code, operator,
			       CASE WHEN operator_ar = '' THEN operator ELSE operator_ar END AS operator_ar,
			       CASE WHEN operator_fr = '' THEN operator ELSE operator_fr END AS operator_fr,
			       latitude, longitude, conditions, demo
			FROM reserves.hub
			""";

	private static final RowMapper<Hub> HUB = (rs, row) -> new Hub(rs.getString("code"),
			new LocalizedText(rs.getString("name"), rs.getString("name_ar"), rs.getString("name_fr")),
			rs.getString("kind"), rs.getString("country_iso3"), rs.getString("reserve_code"),
			new LocalizedText(rs.getString("operator"), rs.getString("operator_ar"), rs.getString("operator_fr")),
			rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
			List.of((String[]) rs.getArray("conditions").getArray()), rs.getBoolean("demo"));

	private final JdbcClient jdbc;

	Hubs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Hub> all() {
		return jdbc.sql(SELECT + " ORDER BY country_iso3, code").query(HUB).list();
	}

	@Transactional(readOnly = true)
	public List<Hub> ofCountry(String iso3) {
		return jdbc.sql(SELECT + " WHERE country_iso3 = :c ORDER BY code").param("c", iso3).query(HUB).list();
	}

	/** Every hub by its code, for pages that name the hubs of many rows. */
	@Transactional(readOnly = true)
	public Map<String, Hub> byCode() {
		Map<String, Hub> byCode = new HashMap<>();
		all().forEach(hub -> byCode.put(hub.code(), hub));
		return byCode;
	}

	/** A hub's storage capacity in tonnes, all commodities together (zero when none is recorded). */
	@Transactional(readOnly = true)
	public BigDecimal capacityTonnes(String code) {
		return jdbc.sql("SELECT coalesce(sum(tonnes), 0) FROM reserves.hub_capacity WHERE hub_code = :code")
			.param("code", code).query(BigDecimal.class).single();
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
		return jdbc.sql(SELECT + " WHERE code = :code").param("code", key).query(HUB).optional()
			.orElseThrow(() -> new NotFoundException("hub", key));
	}

}
