package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.Hubs;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.reserves.internal.Releases.Detail;
import org.iofs.fse.reserves.internal.Releases.Event;
import org.iofs.fse.reserves.internal.Releases.Request;
import org.iofs.fse.reserves.internal.Releases.ShipmentLine;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading release requests: one with its history, shipments and obligation, or a list, each for who may see it. */
@Service
public class ReleaseReads {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final Countries countries;

	private final Hubs hubs;

	private final Clock clock;

	ReleaseReads(JdbcClient jdbc, AccessPolicy access, Countries countries, Hubs hubs, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.countries = countries;
		this.hubs = hubs;
	}

	@Transactional(readOnly = true)
	public Detail detail(long id) {
		Request request = get(id);
		List<Event> events = jdbc.sql("""
				SELECT e.from_status, e.to_status, e.actor, e.note, e.written_in, e.shipment_id,
				       s.origin_hub AS shipment_hub, e.at
				FROM reserves.release_event e LEFT JOIN reserves.shipment s ON s.id = e.shipment_id
				WHERE e.request_id = :id ORDER BY e.id
				""").param("id", id).query(RecordRowMapper.of(Event.class)).list();
		List<ShipmentLine> lines = jdbc.sql("""
				SELECT s.id AS shipment_id, s.origin_hub, s.mode, s.estimated_arrival, s.actual_departure,
				       s.actual_arrival, l.lot_id, l.tonnes
				FROM reserves.shipment s JOIN reserves.shipment_line l ON l.shipment_id = s.id
				WHERE s.request_id = :id ORDER BY s.id, l.lot_id
				""").param("id", id).query(RecordRowMapper.of(ShipmentLine.class)).list();
		Map<String, Object> obligation = jdbc.sql("""
				SELECT kind, commodity_code AS commodity, tonnes, due_on, settled_on,
				       (settled_on IS NULL AND due_on < :today) AS overdue
				FROM reserves.obligation WHERE request_id = :id
				""").param("id", id).param("today", Date.valueOf(LocalDate.now(clock))).query().listOfRows().stream().findFirst().orElse(null);
		return new Detail(request, events, approvers(id), lines, obligation);
	}

	/**
	 * A request, for its country's focal points and the Secretariat, and, once approved, for the operators of the
	 * reserve's hubs (who dispatch it).
	 */
	@Transactional(readOnly = true)
	public Request get(long id) {
		Request request = load(id);
		boolean dispatcher = ReleaseStatus.valueOf(request.status()).approvedOrLater()
				&& CurrentCaller.get()
					.map(caller -> hubs.all()
						.stream()
						.anyMatch(h -> request.reserve().equals(h.reserve())
								&& access.allows(caller, Action.OPERATE_HUB, Scope.hub(h.code()))))
					.orElse(false);
		if (!dispatcher) {
			access.requireOrHide(Action.READ_COUNTRY_DATA, Scope.country(request.country()), "release request",
					Long.toString(id));
		}
		return request;
	}

	/**
	 * Requests, newest first, of those the caller may read: the Secretariat all, a focal point their countries',
	 * a hub operator the approved (and later) ones of the reserves their hubs serve, which they dispatch: exactly
	 * those {@link #get(long)} lets them open. Anyone else signed in gets an empty list, never another country's
	 * rows; an anonymous caller a 401.
	 */
	@Transactional(readOnly = true)
	public List<Request> list(String country, String status) {
		String iso3 = country == null || country.isBlank() ? null : countries.get(country).iso3();
		return readable(Releases.SELECT + """
				WHERE (CAST(:country AS text) IS NULL OR country_iso3 = :country)
				  AND (CAST(:status AS text) IS NULL OR status = :status)
				  AND %s
				ORDER BY id DESC LIMIT 500
				""")
			.param("country", iso3)
			.param("status", status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT))
			.query(RecordRowMapper.of(Request.class))
			.list();
	}

	/** Every delivered request the caller may read, however many (the list above stops at 500), newest first. */
	@Transactional(readOnly = true)
	public List<Request> delivered() {
		return readable(Releases.SELECT + " WHERE delivered_at IS NOT NULL AND %s ORDER BY id DESC")
			.query(RecordRowMapper.of(Request.class))
			.list();
	}

	/** The requests in these statuses that the caller may read, of one member or all, and those needed before a day. */
	public record Counted(long requests, long neededBefore) {
	}

	@Transactional(readOnly = true)
	public Counted count(String country, Collection<String> statuses, LocalDate day) {
		String iso3 = country == null ? null : countries.get(country).iso3();
		return readable("""
				SELECT count(*) AS requests, count(*) FILTER (WHERE need_by < :day) AS needed_before
				FROM reserves.release_request
				WHERE (CAST(:country AS text) IS NULL OR country_iso3 = :country) AND status = ANY (:statuses) AND %s
				""")
			.param("country", iso3)
			.param("statuses", statuses.toArray(String[]::new))
			.param("day", Date.valueOf(day))
			.query((rs, row) -> new Counted(rs.getLong("requests"), rs.getLong("needed_before")))
			.single();
	}

	/** A statement whose {@code %s} becomes the condition of the requests the caller may read, with its values. */
	private JdbcClient.StatementSpec readable(String sql) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.READ_ALL));
		boolean all = access.allows(caller, Action.READ_ALL, Scope.GLOBAL);
		String[] ownCountries = caller.grants().stream()
			.filter(g -> g.role() == Role.COUNTRY_FOCAL_POINT && g.scope().type() == ScopeType.COUNTRY)
			.map(g -> g.scope().id())
			.toArray(String[]::new);
		return jdbc.sql(sql.formatted("""
				(:all OR country_iso3 = ANY (CAST(:own AS text[]))
				 OR (reserve_code = ANY (CAST(:dispatched AS text[])) AND status = ANY (CAST(:approved AS text[]))))"""))
			.param("all", all)
			.param("own", ownCountries)
			.param("dispatched", hubs.all()
				.stream()
				.filter(h -> h.reserve() != null && access.allows(caller, Action.OPERATE_HUB, Scope.hub(h.code())))
				.map(Hubs.Hub::reserve)
				.distinct()
				.toArray(String[]::new))
			.param("approved", Arrays.stream(ReleaseStatus.values())
				.filter(ReleaseStatus::approvedOrLater)
				.map(Enum::name)
				.toArray(String[]::new));
	}

	List<String> approvers(long id) {
		return jdbc.sql("SELECT approver FROM reserves.release_approval WHERE request_id = :id ORDER BY step")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private Request load(long id) {
		return jdbc.sql(Releases.SELECT + " WHERE id = :id").param("id", id)
			.query(RecordRowMapper.of(Request.class)).optional()
			.orElseThrow(() -> new NotFoundException("release request", Long.toString(id)));
	}

}
