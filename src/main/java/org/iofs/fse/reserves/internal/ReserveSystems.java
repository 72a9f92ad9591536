package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional reserve systems: members, rules, the financial part, and per member what it pledges (kept in its
 * own storage) and what the reserve stockpiles in hubs on its soil. Public, as the reserves publish them.
 */
@Service
public class ReserveSystems {

	public record Reserve(String code, LocalizedText names, String committee, String rules, BigDecimal financialTonnes,
			boolean demo) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	public record MemberPosition(String country, BigDecimal pledged, BigDecimal toRestore, BigDecimal stockpiled,
			BigDecimal inTransit) {
	}

	/** Delivered requests of a reserve: how many, their mean lead time, and how many arrived within 45 days. */
	public record LeadTimes(long delivered, BigDecimal meanDays, long withinTarget) {
	}

	public record Pledge(long id, String reserve, String country, String commodity, BigDecimal tonnes, String grade,
			LocalDate validFrom, LocalDate validUntil, boolean mustReplenish, BigDecimal toRestore) {
	}

	public record HubTotal(String hub, LocalizedText names, String country, BigDecimal onHand) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ReserveSystems(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Reserve> all() {
		return jdbc.sql("""
				SELECT code, name_en, name_ar, name_fr, committee, rules, financial_tonnes, demo FROM reserves.reserve
				ORDER BY code
				""").query((rs, n) -> reserve(rs)).list();
	}

	@Transactional(readOnly = true)
	public Reserve get(String code) {
		String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		return jdbc.sql("""
				SELECT code, name_en, name_ar, name_fr, committee, rules, financial_tonnes, demo FROM reserves.reserve
				WHERE code = :code
				""").param("code", key).query((rs, n) -> reserve(rs)).optional()
			.orElseThrow(() -> new NotFoundException("reserve", key));
	}

	/** Per member: tonnes pledged (valid today), still to restore after releases, and stockpiled in its hubs. */
	@Transactional(readOnly = true)
	public List<MemberPosition> members(String code) {
		return jdbc.sql("""
				SELECT m.country_iso3 AS country,
				       coalesce((SELECT sum(p.tonnes) FROM reserves.pledge p WHERE p.reserve_code = m.reserve_code
				                 AND p.country_iso3 = m.country_iso3 AND CAST(:today AS date) BETWEEN p.valid_from AND p.valid_until), 0)
				           AS pledged,
				       coalesce((SELECT sum(p.to_restore) FROM reserves.pledge p WHERE p.reserve_code = m.reserve_code
				                 AND p.country_iso3 = m.country_iso3), 0) AS to_restore,
				       coalesce((SELECT sum(b.on_hand) FROM reserves.lot_balance b JOIN reserves.hub h ON h.code = b.hub_code
				                 JOIN reserves.lot l ON l.id = b.lot_id
				                 WHERE h.reserve_code = m.reserve_code AND h.country_iso3 = m.country_iso3
				                   AND l.owner = 'RESERVE'), 0) AS stockpiled,
				       coalesce((SELECT sum(sl.tonnes) FROM reserves.shipment s
				                 JOIN reserves.shipment_line sl ON sl.shipment_id = s.id
				                 JOIN reserves.release_request r ON r.id = s.request_id
				                 WHERE r.reserve_code = m.reserve_code AND r.country_iso3 = m.country_iso3
				                   AND s.actual_arrival IS NULL), 0) AS in_transit
				FROM reserves.reserve_member m WHERE m.reserve_code = :code ORDER BY m.country_iso3
				""").param("today", Date.valueOf(LocalDate.now(clock))).param("code", code)
				.query(RecordRowMapper.of(MemberPosition.class)).list();
	}

	/** Lead times from submission to delivery of the reserve's delivered requests, against the 15 to 45 day target. */
	@Transactional(readOnly = true)
	public LeadTimes leadTimes(String code) {
		return jdbc.sql("""
				SELECT count(*) AS delivered,
				       round(avg(extract(epoch FROM delivered_at - submitted_at) / 86400)::numeric, 1) AS mean_days,
				       count(*) FILTER (WHERE delivered_at - submitted_at <= interval '45 days') AS within_target
				FROM reserves.release_request
				WHERE reserve_code = :code AND delivered_at IS NOT NULL AND submitted_at IS NOT NULL
				""").param("code", code).query(RecordRowMapper.of(LeadTimes.class)).single();
	}

	@Transactional(readOnly = true)
	public List<HubTotal> hubs(String code) {
		return jdbc.sql("""
				SELECT h.code AS hub, h.name, coalesce(h.name_ar, h.name) AS name_ar, coalesce(h.name_fr, h.name) AS name_fr,
				       h.country_iso3 AS country, coalesce(sum(b.on_hand), 0) AS on_hand
				FROM reserves.hub h LEFT JOIN reserves.lot_balance b ON b.hub_code = h.code
				WHERE h.reserve_code = :code GROUP BY h.code, h.name, h.country_iso3 ORDER BY h.code
				""").param("code", code).query((rs, row) -> new HubTotal(rs.getString("hub"),
						new LocalizedText(rs.getString("name"), rs.getString("name_ar"), rs.getString("name_fr")),
						rs.getString("country"), rs.getBigDecimal("on_hand"))).list();
	}

	@Transactional(readOnly = true)
	public List<Pledge> pledges(String reserve, String country) {
		return jdbc.sql("""
				SELECT id, reserve_code AS reserve, country_iso3 AS country, commodity_code AS commodity, tonnes, grade,
				       valid_from, valid_until, must_replenish, to_restore
				FROM reserves.pledge
				WHERE (CAST(:reserve AS text) IS NULL OR reserve_code = :reserve)
				  AND (CAST(:country AS text) IS NULL OR country_iso3 = :country)
				ORDER BY reserve_code, country_iso3, id
				""").param("reserve", reserve).param("country", country).query(RecordRowMapper.of(Pledge.class)).list();
	}

	/** The reserves a member state belongs to. */
	@Transactional(readOnly = true)
	public List<Reserve> ofCountry(String iso3) {
		return jdbc.sql("""
				SELECT r.code, r.name_en, r.name_ar, r.name_fr, r.committee, r.rules, r.financial_tonnes, r.demo
				FROM reserves.reserve r JOIN reserves.reserve_member m ON m.reserve_code = r.code
				WHERE m.country_iso3 = :c ORDER BY r.code
				""").param("c", iso3).query((rs, n) -> reserve(rs)).list();
	}

	private static Reserve reserve(ResultSet rs) throws SQLException {
		return new Reserve(rs.getString("code"), new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"),
				rs.getString("name_fr")), rs.getString("committee"), rs.getString("rules"),
				rs.getBigDecimal("financial_tonnes"), rs.getBoolean("demo"));
	}

}
