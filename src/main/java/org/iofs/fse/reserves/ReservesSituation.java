package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.reserves.internal.ReleaseEffects;
import org.iofs.fse.reserves.internal.ReleaseReads;
import org.iofs.fse.reserves.internal.ReleaseStatus;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reserves' situation as the dashboard tells it: what each regional reserve holds (public, as the reserves
 * publish their stock), and for those who may see them, the release requests open and late and the lots near
 * expiry, each counted over what the reader may open.
 */
@Service
public class ReservesSituation {

	/** A reserve's members and its available stock by commodity, in tonnes. */
	public record ReserveStock(String code, LocalizedText names, List<String> members, Map<String, BigDecimal> tonnes,
			boolean demo) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

		public BigDecimal totalTonnes() {
			return tonnes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/** Requests under way (submitted, assessed, approved or dispatched), and those of them past their need-by date. */
	public record ReleaseCounts(long open, long late) {
	}

	private static final Set<String> UNDER_WAY = Set.of(ReleaseStatus.SUBMITTED.name(), ReleaseStatus.ASSESSED.name(),
			ReleaseStatus.APPROVED.name(), ReleaseStatus.DISPATCHED.name());

	private final JdbcClient jdbc;

	private final ReleaseReads releases;

	private final AccessPolicy access;

	private final Hubs hubs;

	private final Clock clock;

	private final ReleaseEffects effects;

	ReservesSituation(JdbcClient jdbc, ReleaseReads releases, AccessPolicy access, Hubs hubs, Clock clock, ReleaseEffects effects) {
		this.effects = effects;
		this.jdbc = jdbc;
		this.releases = releases;
		this.access = access;
		this.hubs = hubs;
		this.clock = clock;
	}

	/** A reserve's names, if a reserve of that code exists (names are public, as the reserves' pages are). */
	@Transactional(readOnly = true)
	public Optional<LocalizedText> reserveNames(String code) {
		return jdbc.sql("SELECT name_en, name_ar, name_fr FROM reserves.reserve WHERE code = :code")
			.param("code", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
			.query((rs, row) -> new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")))
			.optional();
	}

	/**
	 * The member state of a release request, if it exists: what another module needs to point at one (an engagement
	 * about it). The request itself stays behind its own access rules.
	 */
	@Transactional(readOnly = true)
	public Optional<String> releaseRequestCountry(long id) {
		return jdbc.sql("SELECT country_iso3 FROM reserves.release_request WHERE id = :id").param("id", id)
			.query(String.class).optional();
	}

	/** Every reserve with its members and available stock (lots that may be issued), in one read. */
	@Transactional(readOnly = true)
	public List<ReserveStock> stock() {
		Map<String, ReserveStock> byCode = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.code, r.name_en, r.name_ar, r.name_fr, r.demo,
				       ARRAY(SELECT m.country_iso3::text FROM reserves.reserve_member m WHERE m.reserve_code = r.code
				             ORDER BY m.country_iso3) AS members
				FROM reserves.reserve r ORDER BY r.code
				""").query((rs, row) -> byCode.put(rs.getString("code"), new ReserveStock(rs.getString("code"),
						new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")),
						List.of((String[]) rs.getArray("members").getArray()), new LinkedHashMap<>(),
						rs.getBoolean("demo"))))
			.list();
		jdbc.sql("""
				SELECT h.reserve_code, b.commodity_code, sum(b.on_hand) AS tonnes
				FROM reserves.lot_balance b
				JOIN reserves.lot l ON l.id = b.lot_id
				JOIN reserves.hub h ON h.code = b.hub_code
				WHERE l.quality_status = 'AVAILABLE' AND b.on_hand > 0 AND h.reserve_code IS NOT NULL
				GROUP BY 1, 2 ORDER BY 1, 2
				""").query((rs, row) -> byCode.get(rs.getString("reserve_code")).tonnes()
					.put(rs.getString("commodity_code"), rs.getBigDecimal("tonnes")))
			.list();
		return new ArrayList<>(byCode.values());
	}

	/**
	 * The release requests the reader may open, counted: none for a visitor or a reader whose role opens none (a
	 * company member), so the dashboard shows the figure only to those it concerns.
	 */
	@Transactional(readOnly = true)
	public Optional<ReleaseCounts> releaseCounts() {
		Optional<Caller> caller = CurrentCaller.get();
		if (caller.isEmpty() || !mayReadReleases(caller.get())) {
			return Optional.empty();
		}
		ReleaseReads.Counted counted = releases.count(null, UNDER_WAY, LocalDate.now(clock));
		return Optional.of(new ReleaseCounts(counted.requests(), counted.neededBefore()));
	}

	/**
	 * The release requests of one member under way, and those past their need-by date, as the reader may open them:
	 * empty when the reader may open none of the member's requests.
	 */
	@Transactional(readOnly = true)
	public Optional<ReleaseCounts> releaseCounts(String iso3) {
		Optional<Caller> caller = CurrentCaller.get();
		if (caller.isEmpty() || !(access.allows(caller.get(), Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller.get(), Action.REQUEST_RELEASE, Scope.country(iso3)))) {
			return Optional.empty();
		}
		ReleaseReads.Counted counted = releases.count(iso3, UNDER_WAY, LocalDate.now(clock));
		return Optional.of(new ReleaseCounts(counted.requests(), counted.neededBefore()));
	}

	/**
	 * What the delivered releases the reader may read did: how many were measured (a month after delivery has come),
	 * how many kept the member's prices within ±5 % in the last month measured, and how many were delivered within
	 * 15-45 days of the request. Empty for readers who may read no release.
	 */
	public record EffectSummary(int delivered, int measured, int withinBand, int leadWithin) {
	}

	@Transactional(readOnly = true)
	public Optional<EffectSummary> releaseEffects() {
		Optional<Caller> caller = CurrentCaller.get();
		if (caller.isEmpty() || !mayReadReleases(caller.get())) {
			return Optional.empty();
		}
		List<ReleaseEffects.Effect> all = effects.of(releases.delivered());
		List<ReleaseEffects.Effect> measured = all.stream().filter(ReleaseEffects.Effect::measured).toList();
		int within = (int) measured.stream().filter(e -> {
			for (int k = e.member().size() - 1; k >= 0; k--) {
				if (e.member().get(k) != null) {
					return e.withinBand(k);
				}
			}
			return false;
		}).count();
		return Optional.of(new EffectSummary(all.size(), measured.size(), within,
				(int) all.stream().filter(ReleaseEffects.Effect::leadWithin).count()));
	}

	/**
	 * The reserve's next need of a commodity: the earliest need-by date of its requests under way for it, if any
	 * (when a replenishment should have arrived). A date only, no request: public, as the reserves' plans are.
	 */
	@Transactional(readOnly = true)
	public Optional<LocalDate> nextNeed(String reserve, String commodity) {
		return jdbc.sql("""
				SELECT min(need_by) FROM reserves.release_request
				WHERE reserve_code = :reserve AND commodity_code = :commodity AND status = ANY (:underWay)
				""").param("reserve", reserve).param("commodity", commodity)
			.param("underWay", UNDER_WAY.toArray(String[]::new)).query(java.sql.Date.class).optional()
			.map(java.sql.Date::toLocalDate);
	}

	/** The tonnes members have pledged to each reserve, by commodity, among the pledges valid today (public, as stock is). */
	@Transactional(readOnly = true)
	public Map<String, Map<String, BigDecimal>> pledgedTonnes() {
		Map<String, Map<String, BigDecimal>> pledged = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT reserve_code, commodity_code, sum(tonnes - to_restore) AS tonnes FROM reserves.pledge
				WHERE :today BETWEEN valid_from AND valid_until GROUP BY 1, 2 ORDER BY 1, 2
				""").param("today", java.sql.Date.valueOf(LocalDate.now(clock)))
			.query((rs, row) -> pledged.computeIfAbsent(rs.getString("reserve_code"), k -> new LinkedHashMap<>())
				.put(rs.getString("commodity_code"), rs.getBigDecimal("tonnes")))
			.list();
		return pledged;
	}

	/** Lots near expiry that still hold stock, at the hubs the reader sees: all for the Secretariat, theirs for an operator. */
	@Transactional(readOnly = true)
	public Optional<Long> lotsNearExpiry() {
		Optional<Caller> caller = CurrentCaller.get();
		if (caller.isEmpty()) {
			return Optional.empty();
		}
		boolean all = access.allows(caller.get(), Action.READ_ALL, Scope.GLOBAL);
		String[] own = hubs.codes().stream()
			.filter(code -> access.allows(caller.get(), Action.OPERATE_HUB, Scope.hub(code)))
			.toArray(String[]::new);
		if (!all && own.length == 0) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("""
				SELECT count(*) FROM reserves.expiry_alert a
				JOIN reserves.lot l ON l.id = a.lot_id
				JOIN reserves.lot_balance b ON b.lot_id = l.id
				WHERE l.quality_status = 'AVAILABLE' AND b.on_hand > 0 AND l.best_before >= :today
				  AND (:all OR l.hub_code = ANY (CAST(:own AS text[])))
				""").param("today", Date.valueOf(LocalDate.now(clock))).param("all", all).param("own", own)
			.query(Long.class).single());
	}

	private boolean mayReadReleases(Caller caller) {
		return access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| caller.grants().stream().anyMatch(g -> Arrays.asList(Action.REQUEST_RELEASE, Action.OPERATE_HUB)
					.stream().anyMatch(action -> access.allows(caller, action, g.scope())));
	}

}
