package org.iofs.fse.projects.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Updates a member's focal point proposes to one of its member's projects, and the Secretariat's answer. A focal
 * point proposes for a member it enters data for, on a project that member takes part in; the Secretariat and the
 * focal points of the project's members read the proposals; only the Secretariat accepts or declines (and, having
 * accepted, edits the project itself: a proposal never changes a project on its own).
 */
@Service
public class Proposals {

	public enum Topic {
		STAGE, DATES, FINANCING, RESULTS, LOCATIONS, DESCRIPTION, OTHER
	}

	public record Proposal(long id, long project, String country, String topic, String text, String status,
			String reply, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
	}

	public record NewProposal(String country, String topic, String text) {
	}

	public record Decision(Boolean accept, String reply) {
	}

	private static final RowMapper<Proposal> PROPOSAL = (rs, row) -> new Proposal(rs.getLong("id"),
			rs.getLong("project_id"), rs.getString("country_iso3"), rs.getString("topic"), rs.getString("text"),
			rs.getString("status"), rs.getString("reply"), rs.getString("proposed_by"),
			rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
			rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	private final Clock clock;

	Proposals(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
		this.clock = clock;
	}

	@Transactional
	public Proposal propose(long projectId, NewProposal given) {
		if (CurrentCaller.get().isEmpty()) {
			throw new AccessDeniedException("sign in as a focal point to propose an update");
		}
		Projects.Project project = projects.get(projectId);
		if (given == null) {
			throw new InvalidInputException("proposal", "is required");
		}
		List<String> members = membersForProposals(project);
		if (members.isEmpty()) {
			throw new AccessDeniedException("only a focal point of the project's member states proposes updates");
		}
		String asked = Objects.toString(given.country(), "").strip().toUpperCase(java.util.Locale.ROOT);
		String member = asked.isEmpty() ? members.get(0) : asked;
		if (!members.contains(member)) {
			throw new InvalidInputException("country", "must be one of the project's member states you propose for");
		}
		Caller caller = access.require(Action.ENTER_COUNTRY_DATA, Scope.country(member));
		Topic topic = ProjectRules.choice(Topic.class, given.topic(), "topic");
		String text = Objects.toString(given.text(), "").strip();
		if (text.isEmpty() || text.length() > 4000) {
			throw new InvalidInputException("text", "must say what to change, in at most 4,000 characters");
		}
		long id = jdbc.sql("""
				INSERT INTO projects.proposal (project_id, country_iso3, topic, text, proposed_by, proposed_at)
				VALUES (:p, :country, :topic, :text, :by, :at) RETURNING id
				""").param("p", projectId).param("country", member).param("topic", topic.name()).param("text", text)
			.param("by", caller.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		Proposal proposal = load(id);
		audit.record("projects.update-proposed", "project", projectId, null, proposal);
		return proposal;
	}

	@Transactional
	public Proposal decide(long id, Decision decision) {
		Caller caller = access.require(Action.PUBLISH);
		Proposal before = load(id);
		if (!before.status().equals("OPEN")) {
			throw new ConflictException("PROPOSAL_DECIDED", "The proposal was already " + before.status());
		}
		if (decision == null || decision.accept() == null) {
			throw new InvalidInputException("accept", "is required: true to accept, false to decline");
		}
		String reply = Objects.toString(decision.reply(), "").strip();
		if (reply.length() > 4000) {
			throw new InvalidInputException("reply", "is longer than 4,000 characters");
		}
		jdbc.sql("""
				UPDATE projects.proposal SET status = :status, reply = :reply, decided_by = :by, decided_at = :at
				WHERE id = :id
				""").param("status", decision.accept() ? "ACCEPTED" : "DECLINED").param("reply", reply)
			.param("by", caller.username()).param("at", Timestamp.from(clock.instant())).param("id", id).update();
		Proposal after = load(id);
		audit.record("projects.proposal-decided", "project", before.project(), before, after);
		return after;
	}

	/** A project's proposals, for the Secretariat and the focal points of the project's members; none for others. */
	@Transactional(readOnly = true)
	public List<Proposal> of(long projectId) {
		Projects.Project project = projects.get(projectId);
		if (!mayRead(project)) {
			throw new AccessDeniedException("proposals are for the Secretariat and the project's focal points");
		}
		return jdbc.sql("SELECT * FROM projects.proposal WHERE project_id = :p ORDER BY proposed_at DESC, id DESC")
			.param("p", projectId).query(PROPOSAL).list();
	}

	/** Whether the caller reads this project's proposals (pages ask before showing the section). */
	public boolean mayRead(Projects.Project project) {
		Optional<Caller> caller = CurrentCaller.get();
		return caller.isPresent() && (access.allows(caller.get(), Action.READ_ALL, Scope.GLOBAL)
				|| project.countries().stream().anyMatch(share -> access.allows(caller.get(),
						Action.ENTER_COUNTRY_DATA, Scope.country(share.code()))));
	}

	/** The project's members the caller may propose for (empty for anyone but their focal points). */
	public List<String> membersForProposals(Projects.Project project) {
		return project.countries().stream().map(Projects.Share::code).filter(this::mayPropose).toList();
	}

	private boolean mayPropose(String iso3) {
		return !iso3.isBlank() && CurrentCaller.get().map(caller -> access.allows(caller, Action.ENTER_COUNTRY_DATA, Scope.country(iso3)))
			.orElse(false);
	}

	private Proposal load(long id) {
		return jdbc.sql("SELECT * FROM projects.proposal WHERE id = :id").param("id", id).query(PROPOSAL).optional()
			.orElseThrow(() -> new NotFoundException("proposal", Long.toString(id)));
	}

}
