package org.iofs.fse.reserves.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Secretariat's proposals of a release request to a member's focal points (after a price alert, say). The
 * focal points see the proposals of the last {@value #SHOWN_DAYS} days on their release page and draft the request
 * from one; making the request stays theirs.
 */
@Service
public class ReleaseProposals {

	static final int SHOWN_DAYS = 90;

	public record Proposal(long id, String country, String commodity, String reason, String proposedBy,
			Instant proposedAt) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final Clock clock;

	ReleaseProposals(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries,
			Commodities commodities, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.clock = clock;
	}

	@Transactional
	public Proposal propose(String country, String commodity, String reason) {
		Caller caller = access.require(Action.PUBLISH);
		String iso3 = countries.get(Inputs.required(country, "country")).iso3();
		String code = commodities.tradable(Inputs.required(commodity, "commodity"), "commodity").code();
		String text = Inputs.text(Inputs.required(reason, "reason"), 2000, "reason");
		long id = jdbc.sql("""
				INSERT INTO reserves.release_proposal (country_iso3, commodity_code, reason, proposed_by, proposed_at)
				VALUES (:country, :commodity, :reason, :by, :at) RETURNING id
				""").param("country", iso3).param("commodity", code).param("reason", text)
			.param("by", caller.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		audit.record("reserves.release-proposed", "release-proposal", id, null,
				Map.of("country", iso3, "commodity", code, "reason", text));
		return new Proposal(id, iso3, code, text, caller.username(), clock.instant());
	}

	/** A member's recent proposals, for its focal points and the Secretariat; anyone else sees none. */
	@Transactional(readOnly = true)
	public List<Proposal> recent(String country) {
		String iso3 = countries.get(country).iso3();
		if (!access.allows(access.require(Action.MANAGE_OWN_TOKENS), Action.READ_COUNTRY_DATA, Scope.country(iso3))) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, country_iso3 AS country, commodity_code AS commodity, reason, proposed_by, proposed_at
				FROM reserves.release_proposal WHERE country_iso3 = :country AND proposed_at >= :from
				ORDER BY proposed_at DESC LIMIT 20
				""").param("country", iso3)
			.param("from", Timestamp.from(clock.instant().minus(SHOWN_DAYS, ChronoUnit.DAYS)))
			.query(RecordRowMapper.of(Proposal.class)).list();
	}

}
