package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.reserves.internal.ReleaseHistory;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release requests the platform drafts for a response proposal: a DRAFT in the member's name, from the reserve it
 * belongs to, which the member's focal point reviews and submits once the Secretariat has sent the proposal. Called
 * by the response module only, which checks its own callers: the draft itself decides nothing, moves no stock and
 * follows the release workflow like any other request (whoever sent the proposal may not approve it).
 */
@Service
public class ReleaseDrafts {

	/** Who a platform draft is requested by until a focal point submits it. */
	public static final String PLATFORM = "platform";

	/** A drafted request: its reserve and the reserve's hubs, which serve it. */
	public record Draft(long id, String reserve, List<String> hubs) {
	}

	/** Where a request stands, and who prepared it. */
	public record Standing(long id, String status, BigDecimal tonnes, int tier, String payment, LocalDate needBy,
			String preparedBy) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Countries countries;

	private final Hubs hubs;

	private final ReleaseHistory history;

	ReleaseDrafts(JdbcClient jdbc, AuditTrail audit, Countries countries, Hubs hubs, ReleaseHistory history) {
		this.history = history;
		this.jdbc = jdbc;
		this.audit = audit;
		this.countries = countries;
		this.hubs = hubs;
	}

	/** The reserve a member belongs to (the first by code if it belongs to several), if any. */
	@Transactional(readOnly = true)
	public Optional<String> reserveOf(String iso3) {
		return jdbc.sql("SELECT min(reserve_code) FROM reserves.reserve_member WHERE country_iso3 = :c")
			.param("c", iso3).query(String.class).optional();
	}

	/**
	 * Drafts a request for the member from its reserve; empty when the member belongs to no reserve. Tier 2 is
	 * drafted as a loan (given back in grain), which the proposal's editor may change.
	 */
	@Transactional
	public Optional<Draft> draft(String iso3, String commodity, BigDecimal tonnes, LocalDate needBy, int tier,
			String justification) {
		Country country = countries.get(iso3);
		Optional<String> reserve = reserveOf(country.iso3());
		if (reserve.isEmpty()) {
			return Optional.empty();
		}
		String point = country.capital() == null ? country.names().en() : country.capital().names().en();
		long id = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, payment, justification, status, requested_by, written_in)
				VALUES (:country, :reserve, :commodity, :tonnes, :point, :needBy, :tier, :payment, :justification,
				        'DRAFT', :platform, 'en')
				RETURNING id
				""")
			.param("country", country.iso3()).param("reserve", reserve.get()).param("commodity", commodity)
			.param("tonnes", tonnes).param("point", point).param("needBy", Date.valueOf(needBy)).param("tier", tier)
			.param("payment", tier == 2 ? "LOAN" : null).param("justification", justification)
			.param("platform", PLATFORM).query(Long.class).single();
		step(id, null, "DRAFT");
		return Optional.of(new Draft(id, reserve.get(), hubs.all().stream()
			.filter(h -> reserve.get().equals(h.reserve())).map(Hubs.Hub::code).toList()));
	}

	/** The analyst who sends the proposal prepared the request: they may no longer approve or reject it. */
	@Transactional
	public void prepared(long id, String username) {
		requireDraft(id);
		jdbc.sql("UPDATE reserves.release_request SET prepared_by = :by WHERE id = :id").param("by", username)
			.param("id", id).update();
		audit.record("reserves.release-prepared", "release-request", id, null, Map.of("preparedBy", username));
	}

	/** Changes a platform draft before it is sent (tonnes, tier and its payment, need-by date). */
	@Transactional
	public void revise(long id, BigDecimal tonnes, int tier, String payment, LocalDate needBy) {
		Standing before = requireDraft(id);
		if (tier == 2 && payment == null || tier != 2 && payment != null) {
			throw new InvalidInputException("payment", "a tier 2 release is paid in CASH, as a LOAN or as a GRANT; "
					+ "other tiers name no payment");
		}
		jdbc.sql("""
				UPDATE reserves.release_request SET tonnes = :tonnes, tier = :tier, payment = :payment, need_by = :needBy
				WHERE id = :id
				""").param("tonnes", tonnes).param("tier", tier).param("payment", payment)
			.param("needBy", Date.valueOf(needBy)).param("id", id).update();
		audit.record("reserves.release-revised", "release-request", id,
				Map.of("tonnes", before.tonnes(), "tier", before.tier(), "needBy", before.needBy().toString()),
				Map.of("tonnes", tonnes, "tier", tier, "needBy", needBy.toString()));
	}

	/** A dismissed proposal's draft is withdrawn (kept, with its history, never submitted). */
	@Transactional
	public void withdraw(long id) {
		requireDraft(id);
		jdbc.sql("UPDATE reserves.release_request SET status = 'WITHDRAWN' WHERE id = :id AND status = 'DRAFT'")
			.param("id", id).update();
		step(id, "DRAFT", "WITHDRAWN");
	}

	/** Where each of these requests stands. */
	@Transactional(readOnly = true)
	public Map<Long, Standing> standing(Collection<Long> ids) {
		Map<Long, Standing> found = new HashMap<>();
		jdbc.sql("""
				SELECT id, status, tonnes, tier, payment, need_by, prepared_by FROM reserves.release_request
				WHERE id = ANY (:ids)
				""").param("ids", ids.toArray(Long[]::new))
			.query(RecordRowMapper.of(Standing.class)).list().forEach(s -> found.put(s.id(), s));
		return found;
	}

	private Standing requireDraft(long id) {
		Standing standing = standing(List.of(id)).get(id);
		if (standing == null || !"DRAFT".equals(standing.status())) {
			throw new ConflictException("WRONG_STATUS", "Request " + id + " is no longer a draft");
		}
		return standing;
	}

	private void step(long id, String from, String to) {
		history.record(id, from, to, PLATFORM, null, null);
	}

}
