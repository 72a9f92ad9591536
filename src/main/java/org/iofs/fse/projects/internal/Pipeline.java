package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investment pipeline. A published project that seeks finance shows its funding gap (the US dollars it seeks
 * less what financiers have committed). An investor (a financial institution's staff, an IFPA company's member)
 * expresses interest for its organisation; the Secretariat moves the opportunity through due diligence and a term
 * sheet to committed or declined, each step kept with who took it; a commitment becomes the project's commitment
 * transaction in the opportunity's Islamic mode. Investors see the projects seeking finance and their own
 * opportunities; the Secretariat sees every opportunity; every step is audited.
 */
@Service
public class Pipeline {

	public enum Status {

		INTEREST, DUE_DILIGENCE, TERM_SHEET, COMMITTED, DECLINED;

		boolean mayMoveTo(Status next) {
			return switch (this) {
				case INTEREST -> next == DUE_DILIGENCE || next == DECLINED;
				case DUE_DILIGENCE -> next == TERM_SHEET || next == DECLINED;
				case TERM_SHEET -> next == COMMITTED || next == DECLINED;
				case COMMITTED, DECLINED -> false;
			};
		}

	}

	/** A project seeking finance: what it seeks, what is committed, the gap, and how many investors are interested. */
	public record Seeking(long project, String code, BigDecimal seekingUsd, BigDecimal committedUsd, BigDecimal gapUsd,
			int openOpportunities) {
	}

	public record Opportunity(long id, long project, String projectCode, UUID investor, String investorName,
			String investorType, BigDecimal amountUsd, String mode, String status, String note, Long transaction,
			Instant createdAt, Instant updatedAt) {
	}

	public record Interest(BigDecimal amountUsd, String mode, String note) {
	}

	public record Step(String status, String note, String financierRef) {
	}

	private static final RowMapper<Opportunity> OPPORTUNITY = (rs, row) -> new Opportunity(rs.getLong("id"),
			rs.getLong("project_id"), rs.getString("code"), rs.getObject("investor_id", UUID.class),
			rs.getString("investor_name"), rs.getString("investor_type"), rs.getBigDecimal("amount_usd"),
			rs.getString("mode"), rs.getString("status"), rs.getString("note"),
			(Long) rs.getObject("transaction_id"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("updated_at").toInstant());

	private static final String SELECT = """
			SELECT o.*, p.code FROM projects.opportunity o JOIN projects.project p ON p.id = o.project_id
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	private final Financing financing;

	private final Organisations organisations;

	private final Clock clock;

	Pipeline(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects, Financing financing,
			Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
		this.financing = financing;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Published projects seeking finance with a gap left, largest gap first: public, as the projects are. */
	@Transactional(readOnly = true)
	public List<Seeking> seeking() {
		return jdbc.sql("""
				SELECT p.id, p.code, p.seeking_usd, coalesce(c.committed, 0) AS committed,
				       (SELECT count(*) FROM projects.opportunity o WHERE o.project_id = p.id
				          AND o.status NOT IN ('COMMITTED', 'DECLINED')) AS open
				FROM projects.project p
				LEFT JOIN (SELECT project_id, sum(value_usd) AS committed FROM projects.project_transaction
				           WHERE type = 2 GROUP BY project_id) c ON c.project_id = p.id
				WHERE p.published AND p.seeking_usd IS NOT NULL AND p.seeking_usd > coalesce(c.committed, 0)
				ORDER BY p.seeking_usd - coalesce(c.committed, 0) DESC, p.id
				""").query((rs, row) -> new Seeking(rs.getLong("id"), rs.getString("code"),
						rs.getBigDecimal("seeking_usd"), rs.getBigDecimal("committed"),
						rs.getBigDecimal("seeking_usd").subtract(rs.getBigDecimal("committed")), rs.getInt("open")))
			.list();
	}

	/** One project's funding gap, if it seeks finance. */
	@Transactional(readOnly = true)
	public Optional<Seeking> gapOf(long projectId) {
		return seeking().stream().filter(s -> s.project() == projectId).findFirst();
	}

	/** An investor states its interest for its own organisation. */
	@Transactional
	public Opportunity expressInterest(long projectId, Interest interest) {
		Caller caller = investor().orElseThrow(() -> new AccessDeniedException(
				"only a financial institution's staff or an IFPA company's member may express interest"));
		Projects.Project project = projects.get(projectId);
		if (gapOf(project.id()).isEmpty()) {
			throw new ConflictException("NOT_SEEKING_FINANCE", "The project " + project.code()
					+ " does not seek finance, or its funding gap is closed");
		}
		if (interest == null || interest.amountUsd() == null || interest.amountUsd().signum() <= 0
				|| interest.amountUsd().scale() > 2) {
			throw new InvalidInputException("amountUsd", "must be above 0, to the cent");
		}
		Financing.Mode mode = ProjectRules.choice(Financing.Mode.class, interest.mode(), "mode");
		String note = note(interest.note());
		UUID investor = caller.organisationId();
		if (jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM projects.opportunity WHERE project_id = :p AND investor_id = :i
				    AND status NOT IN ('COMMITTED', 'DECLINED'))
				""").param("p", projectId).param("i", investor).query(Boolean.class).single()) {
			throw new ConflictException("OPPORTUNITY_OPEN", "Your organisation already has an open opportunity on "
					+ project.code());
		}
		String name = organisations.nameOf(investor).map(n -> n.name(Locale.ENGLISH)).orElse(investor.toString());
		String type = organisations.typeOf(investor).filter(OrganisationType.FINANCIAL_INSTITUTION::equals).isPresent()
				? "70" : "71";
		Timestamp now = Timestamp.from(clock.instant());
		long id = jdbc.sql("""
				INSERT INTO projects.opportunity (project_id, investor_id, investor_name, investor_type, amount_usd, mode,
				    note, created_at, updated_at)
				VALUES (:p, :i, :name, :type, :amount, :mode, :note, :now, :now)
				RETURNING id
				""").param("p", projectId).param("i", investor).param("name", name).param("type", type)
			.param("amount", interest.amountUsd()).param("mode", mode.name()).param("note", note).param("now", now)
			.query(Long.class).single();
		step(id, null, Status.INTEREST, caller.username(), note, now);
		Opportunity opened = load(id);
		audit.record("projects.interest-expressed", "opportunity", id, null, opened);
		return opened;
	}

	/** The Secretariat takes the next step; a commitment records the project's commitment transaction. */
	@Transactional
	public Opportunity move(long id, Step step) {
		Caller caller = access.require(Action.PUBLISH);
		Opportunity before = load(id);
		Status next = ProjectRules.choice(Status.class, step == null ? null : step.status(), "status");
		Status current = Status.valueOf(before.status());
		if (!current.mayMoveTo(next)) {
			throw new ConflictException("OPPORTUNITY_STEP", "An opportunity at " + current + " cannot move to " + next);
		}
		String note = note(step.note());
		Long transaction = null;
		if (next == Status.COMMITTED) {
			transaction = financing.record(before.project(), new Financing.NewTransaction(2, LocalDate.now(clock), "USD",
					before.amountUsd(), before.investorName(), Objects.toString(step.financierRef(), ""),
					before.investorType(), before.mode())).id();
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				UPDATE projects.opportunity SET status = :status, transaction_id = :tx, updated_at = :now,
				    note = CASE WHEN :note = '' THEN note ELSE :note END
				WHERE id = :id
				""").param("status", next.name()).param("tx", transaction).param("now", now).param("note", note)
			.param("id", id).update();
		step(id, current, next, caller.username(), note, now);
		Opportunity after = load(id);
		audit.record("projects.opportunity-moved", "opportunity", id, before, after);
		return after;
	}

	/** Every opportunity for the Secretariat; an investor's own for an investor; newest first. */
	@Transactional(readOnly = true)
	public List<Opportunity> opportunities() {
		Caller caller = CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("sign in"));
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)) {
			return jdbc.sql(SELECT + " ORDER BY o.updated_at DESC, o.id DESC LIMIT 500").query(OPPORTUNITY).list();
		}
		Caller investor = investor().orElseThrow(() -> new AccessDeniedException(
				"the pipeline is for investors and the Secretariat"));
		return jdbc.sql(SELECT + " WHERE o.investor_id = :i ORDER BY o.updated_at DESC, o.id DESC")
			.param("i", investor.organisationId()).query(OPPORTUNITY).list();
	}

	/** Whether the caller acts for an investor, who may express interest. */
	public boolean mayExpressInterest() {
		return investor().isPresent();
	}

	/** Whether the caller may see the pipeline: the Secretariat or an investor. */
	public boolean mayReadPipeline() {
		return CurrentCaller.get().filter(caller -> access.allows(caller, Action.READ_ALL, Scope.GLOBAL)).isPresent()
				|| investor().isPresent();
	}

	private Opportunity load(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(OPPORTUNITY).optional()
			.orElseThrow(() -> new NotFoundException("opportunity", Long.toString(id)));
	}

	/** The investors' names in three languages, by id, for pages listing these opportunities. */
	public java.util.Map<String, org.iofs.fse.shared.Named> investorNames(List<Opportunity> opportunities) {
		java.util.Map<String, org.iofs.fse.shared.Named> names = new java.util.HashMap<>();
		opportunities.stream().map(Opportunity::investor).distinct()
			.forEach(id -> organisations.nameOf(id).ifPresent(name -> names.put(id.toString(), name)));
		return names;
	}

	/**
	 * The caller when it acts for a financial institution or a company: an investor. The organisation's type is
	 * checked too, so that an administrator, who may act for any organisation, is not taken for one.
	 */
	private Optional<Caller> investor() {
		return CurrentCaller.get().filter(caller -> caller.organisationId() != null)
			.filter(caller -> organisations.typeOf(caller.organisationId())
				.filter(type -> type == OrganisationType.FINANCIAL_INSTITUTION || type == OrganisationType.COMPANY)
				.isPresent())
			.filter(caller -> access.allows(caller, Action.FINANCE_FOR_ORGANISATION,
					Scope.organisation(caller.organisationId()))
					|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(caller.organisationId())));
	}

	private void step(long id, Status from, Status to, String by, String note, Timestamp at) {
		jdbc.sql("""
				INSERT INTO projects.opportunity_step (opportunity_id, at, from_status, to_status, taken_by, note)
				VALUES (:id, :at, :from, :to, :by, :note)
				""").param("id", id).param("at", at).param("from", from == null ? null : from.name())
			.param("to", to.name()).param("by", by).param("note", note).update();
	}

	private static String note(String note) {
		String text = Objects.toString(note, "").strip();
		if (text.length() > 2000) {
			throw new InvalidInputException("note", "is longer than 2,000 characters");
		}
		return text;
	}

}
