package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;
import org.iofs.fse.trade.FinanceRequested;
import org.iofs.fse.trade.FinanceStepTaken;
import org.iofs.fse.trade.internal.FinanceSchedules.Line;
import org.iofs.fse.trade.internal.FinanceSchedules.Mode;
import org.iofs.fse.trade.internal.FinanceSchedules.Schedule;
import org.iofs.fse.trade.internal.FinanceSchedules.Terms;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Finance of a deal. The buyer asks a financial institution (ITFC, IsDB, a bank) under one of five modes and its
 * terms; the schedule is computed and checked at once. The financier's staff (role FINANCIER, scoped to it) approve
 * (and may set the final terms: the mark-up is fixed from then on), decline, sign, issue the guarantee, pay the
 * supplier, and follow the repayment; the buyer confirms delivery, or withdraws before signing. Which side takes
 * which step from which status is the table {@code trade.finance_transition}; each step is recorded and audited.
 * The buyer, the financier and the Secretariat read a request; nobody else learns it exists.
 */
@Service
public class FinanceRequests {

	/** What the buyer asks, with the mode's terms; the schedule's figures come from the deal. */
	public record NewRequest(Long deal, UUID financier, String mode, FinanceTerms terms, String note) {
	}

	/** A mode's terms as given; what a mode does not use is ignored. */
	public record FinanceTerms(BigDecimal markupPercent, BigDecimal markupAmount, Integer instalments,
			LocalDate firstDueOn, Integer intervalMonths, Integer deliveries, List<FinanceSchedules.Milestone> milestones,
			Integer termMonths, BigDecimal rentPerPeriod, BigDecimal purchasePrice, BigDecimal clientCapital,
			BigDecimal financierCapital, BigDecimal clientProfitPercent, Integer buyOutPeriods) {
	}

	/** What a step carries: a note, and for signing the contract's number, date and Shariah approval. */
	public record Step(String note, String contractNumber, LocalDate signedOn, String shariahReference,
			String guarantee, FinanceTerms terms) {
	}

	public record Request(long id, long deal, UUID buyer, UUID financier, String mode, String currency, String status,
			BigDecimal cost, BigDecimal markup, BigDecimal price, BigDecimal financierSharePercent, String contractNumber,
			LocalDate signedOn, String shariahReference, String guarantee, String note, Instant requestedAt,
			boolean demo) {
	}

	public record Event(String fromStatus, String toStatus, String actor, String note, Instant at) {
	}

	/** A request with its schedule, its history, its deal and the terms it was computed from. */
	public record View(Request request, List<Line> schedule, List<Event> events, Deals.Deal deal, FinanceTerms terms) {
	}

	private static final String SELECT = """
			SELECT id, deal_id AS deal, buyer_id AS buyer, financier_id AS financier, mode, currency, status, cost, markup, price,
			       financier_share_percent, contract_number, signed_on, shariah_reference, guarantee, note, requested_at,
			       demo
			FROM trade.finance_request
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Deals deals;

	private final Companies companies;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	FinanceRequests(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Deals deals, Companies companies,
			Organisations organisations, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.deals = deals;
		this.companies = companies;
		this.organisations = organisations;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Request request(NewRequest given) {
		CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		if (given.deal() == null) {
			throw new InvalidInputException("deal", "is required");
		}
		Deals.Deal deal = deals.load(given.deal());
		Caller caller = access.requireOrHide(Action.ACT_FOR_ORGANISATION, Scope.organisation(deal.buyer()), "deal",
				given.deal().toString());
		companies.requireVerified(deal.buyer());
		if (!List.of("CONTRACTED", "SHIPPED").contains(deal.status())) {
			throw new ConflictException("WRONG_STATUS", "Deal " + deal.id() + " is " + deal.status()
					+ "; finance is asked for a contracted or shipped deal");
		}
		if (given.financier() == null
				|| organisations.typeOf(given.financier()).filter(OrganisationType.FINANCIAL_INSTITUTION::equals).isEmpty()) {
			throw new InvalidInputException("financier", "must be a financial institution's organisation");
		}
		Mode mode = mode(given.mode());
		FinanceTerms terms = given.terms() == null ? emptyTerms() : given.terms();
		Schedule schedule = FinanceSchedules.compute(mode, terms(deal, terms, LocalDate.now(clock)));
		if (jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM trade.finance_request WHERE deal_id = :deal
				    AND status NOT IN ('DECLINED', 'WITHDRAWN'))
				""").param("deal", deal.id()).query(Boolean.class).single()) {
			throw new ConflictException("ALREADY_REQUESTED", "Deal " + deal.id() + " already has a live finance request");
		}
		long id = jdbc.sql("""
				INSERT INTO trade.finance_request (deal_id, buyer_id, financier_id, mode, currency, cost, markup, price,
				    financier_share_percent, terms, note, requested_by, requested_at)
				VALUES (:deal, :buyer, :financier, :mode, :currency, :cost, :markup, :price, :share, CAST(:terms AS jsonb),
				    :note, :by, :at)
				RETURNING id
				""")
			.param("deal", deal.id())
			.param("buyer", deal.buyer())
			.param("financier", given.financier())
			.param("mode", mode.name())
			.param("currency", deal.currency())
			.param("cost", schedule.cost())
			.param("markup", schedule.markup())
			.param("price", schedule.price())
			.param("share", schedule.financierSharePercent())
			.param("terms", json.writeValueAsString(terms))
			.param("note", Texts.bounded(Objects.toString(given.note(), "").strip(), 2000, "note"))
			.param("by", caller.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		writeSchedule(id, schedule);
		event(id, null, "REQUESTED", caller.username(), "");
		Request request = load(id);
		audit.record("trade.finance-requested", "finance-request", id, null, request);
		events.publishEvent(new FinanceRequested(id, deal.id(), deal.buyer(), given.financier(),
				companies.find(deal.buyer()).orElseThrow().legalNames(), mode.name(), schedule.price(), deal.currency()));
		return request;
	}

	/** One step, if the transition table lets the caller's side take it from the request's status. */
	@Transactional
	public Request move(long id, String action, Step step) {
		Request request = readable(id);
		Caller caller = CurrentCaller.get().orElseThrow();
		TransitionTable.Transition transition = TransitionTable.financeRequests(jdbc).step(id, action,
				request.status());
		boolean financierStep = transition.takenBy().equals("FINANCIER");
		access.require(financierStep ? Action.FINANCE_FOR_ORGANISATION : Action.ACT_FOR_ORGANISATION,
				Scope.organisation(financierStep ? request.financier() : request.buyer()));
		Step given = step == null ? new Step(null, null, null, null, null, null) : step;
		String to = transition.toStatus();
		switch (action) {
			case "approve" -> approve(request, given);
			case "sign" -> sign(request, given);
			case "issue-guarantee" -> jdbc.sql("UPDATE trade.finance_request SET guarantee = :g WHERE id = :id")
				.param("g", Texts.name(given.guarantee(), "guarantee")).param("id", id).update();
			default -> {
			}
		}
		int changed = jdbc.sql("UPDATE trade.finance_request SET status = :to WHERE id = :id AND status = :from")
			.param("to", to).param("id", id).param("from", request.status()).update();
		if (changed == 0) {
			throw new ConflictException("CHANGED_MEANWHILE", "Finance request " + id + " changed meanwhile; reload it");
		}
		String note = Texts.bounded(Objects.toString(given.note(), "").strip(), 2000, "note");
		event(id, request.status(), to, caller.username(), note);
		Request moved = load(id);
		audit.record("trade.finance-" + action, "finance-request", id, request, moved);
		events.publishEvent(new FinanceStepTaken(id, request.deal(), request.buyer(), request.financier(), to,
				transition.takenBy()));
		return moved;
	}

	@Transactional(readOnly = true)
	public View view(long id) {
		Request request = readable(id);
		List<Line> lines = jdbc.sql("""
				SELECT seq, due_on, kind, amount, tonnes FROM trade.finance_schedule_line WHERE request_id = :id ORDER BY seq
				""").param("id", id)
			.query((rs, row) -> new Line(rs.getInt("seq"), rs.getDate("due_on").toLocalDate(), rs.getString("kind"),
					rs.getBigDecimal("amount"), rs.getBigDecimal("tonnes")))
			.list();
		List<Event> history = jdbc.sql("""
				SELECT from_status, to_status, actor, note, at FROM trade.finance_event WHERE request_id = :id ORDER BY id
				""").param("id", id).query(RecordRowMapper.of(Event.class)).list();
		String terms = jdbc.sql("SELECT terms::text FROM trade.finance_request WHERE id = :id").param("id", id)
			.query(String.class).single();
		return new View(request, lines, history, deals.load(request.deal()), json.readValue(terms, FinanceTerms.class));
	}

	/** The requests the caller may read: the Secretariat's all, a buyer's own, a financier's received. */
	@Transactional(readOnly = true)
	public List<Request> list() {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		if (access.allows(caller, Action.READ_ALL, Scope.GLOBAL)) {
			return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT 500").query(RecordRowMapper.of(Request.class)).list();
		}
		List<UUID> mine = caller.grants().stream()
			.filter(g -> g.scope().type() == ScopeType.ORGANISATION)
			.filter(g -> access.allows(caller, Action.ACT_FOR_ORGANISATION, g.scope())
					|| access.allows(caller, Action.FINANCE_FOR_ORGANISATION, g.scope()))
			.map(g -> UUID.fromString(g.scope().id()))
			.toList();
		if (mine.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE buyer_id IN (:mine) OR financier_id IN (:mine) ORDER BY id DESC LIMIT 500")
			.param("mine", mine).query(RecordRowMapper.of(Request.class)).list();
	}

	/** The steps the caller's side may take on the request now, from the transition table. */
	@Transactional(readOnly = true)
	public List<String> stepsFor(Request request) {
		Caller caller = CurrentCaller.get().orElse(null);
		if (caller == null) {
			return List.of();
		}
		boolean buyer = access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(request.buyer()));
		boolean financier = access.allows(caller, Action.FINANCE_FOR_ORGANISATION,
				Scope.organisation(request.financier()));
		return TransitionTable.financeRequests(jdbc).from(request.status()).stream()
			.filter(t -> t.takenBy().equals("BUYER") ? buyer : financier)
			.map(TransitionTable.Transition::action)
			.toList();
	}

	/** The live finance request of a deal, if the caller may read it. */
	@Transactional(readOnly = true)
	public java.util.Optional<Request> ofDeal(long deal) {
		return jdbc.sql(SELECT + " WHERE deal_id = :deal AND status NOT IN ('DECLINED', 'WITHDRAWN')")
			.param("deal", deal).query(RecordRowMapper.of(Request.class)).optional()
			.filter(r -> CurrentCaller.get().map(caller -> mayRead(caller, r)).orElse(false));
	}

	/** The financial institutions a buyer may ask, by id. */
	public List<UUID> financiers() {
		return organisations.idsOfType(OrganisationType.FINANCIAL_INSTITUTION);
	}

	private void approve(Request request, Step step) {
		if (step.terms() == null) {
			return;
		}
		// The financier sets the final terms; the schedule is computed again and fixed from here on.
		Deals.Deal deal = deals.load(request.deal());
		Schedule schedule = FinanceSchedules.compute(Mode.valueOf(request.mode()),
				terms(deal, step.terms(), LocalDate.now(clock)));
		jdbc.sql("""
				UPDATE trade.finance_request SET cost = :cost, markup = :markup, price = :price,
				    financier_share_percent = :share, terms = CAST(:terms AS jsonb)
				WHERE id = :id
				""").param("cost", schedule.cost()).param("markup", schedule.markup()).param("price", schedule.price())
			.param("share", schedule.financierSharePercent()).param("terms", json.writeValueAsString(step.terms()))
			.param("id", request.id()).update();
		jdbc.sql("DELETE FROM trade.finance_schedule_line WHERE request_id = :id").param("id", request.id()).update();
		writeSchedule(request.id(), schedule);
	}

	private void sign(Request request, Step step) {
		LocalDate signedOn = step.signedOn() == null ? LocalDate.now(clock) : step.signedOn();
		if (signedOn.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("signedOn", "a contract is recorded once signed, not before");
		}
		List<LocalDate> dues = jdbc.sql("SELECT due_on FROM trade.finance_schedule_line WHERE request_id = :id "
				+ "AND kind <> 'PRICE' ORDER BY seq LIMIT 1").param("id", request.id()).query(LocalDate.class).list();
		if (!dues.isEmpty() && dues.get(0).isBefore(signedOn)) {
			throw new InvalidInputException("signedOn", "falls after the schedule's first date " + dues.get(0));
		}
		jdbc.sql("""
				UPDATE trade.finance_request SET contract_number = :number, signed_on = :signed, shariah_reference = :ref
				WHERE id = :id
				""").param("number", Texts.name(step.contractNumber(), "contractNumber"))
			.param("signed", Date.valueOf(signedOn))
			.param("ref", Texts.name(step.shariahReference(), "shariahReference"))
			.param("id", request.id())
			.update();
		if (request.mode().equals("SALAM")) {
			// A salam's price is paid in full at contract: its price line falls on the signing date.
			jdbc.sql("UPDATE trade.finance_schedule_line SET due_on = :signed WHERE request_id = :id AND kind = 'PRICE'")
				.param("signed", Date.valueOf(signedOn)).param("id", request.id()).update();
		}
	}

	private Request readable(long id) {
		Caller caller = CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
		Request request = load(id);
		if (mayRead(caller, request)) {
			return request;
		}
		throw new NotFoundException("finance request", Long.toString(id));
	}

	private boolean mayRead(Caller caller, Request request) {
		return access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.ACT_FOR_ORGANISATION, Scope.organisation(request.buyer()))
				|| access.allows(caller, Action.FINANCE_FOR_ORGANISATION, Scope.organisation(request.financier()));
	}

	private static Terms terms(Deals.Deal deal, FinanceTerms given, LocalDate signing) {
		BigDecimal amount = deal.tonnes().multiply(deal.pricePerTonne()).setScale(2, RoundingMode.HALF_EVEN);
		return new Terms(amount, deal.tonnes(), deal.deliveryFrom(), deal.deliveryUntil(), signing,
				given.markupPercent(), given.markupAmount(), given.instalments(), given.firstDueOn(),
				given.intervalMonths(), given.deliveries(), given.milestones(), given.termMonths(),
				given.rentPerPeriod(), given.purchasePrice(), given.clientCapital(),
				given.financierCapital() == null ? amount : given.financierCapital(), given.clientProfitPercent(),
				given.buyOutPeriods());
	}

	private static FinanceTerms emptyTerms() {
		return new FinanceTerms(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static Mode mode(String given) {
		try {
			return Mode.valueOf(Texts.required(given, "mode").strip().toUpperCase(Locale.ROOT).replace("'", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("mode", "must be one of MURABAHA, SALAM, ISTISNAA, IJARA, MUSHARAKA");
		}
	}

	void writeSchedule(long id, Schedule schedule) {
		// One statement for the whole schedule (an ijara runs to hundreds of lines); values travel as text arrays.
		List<Line> lines = schedule.lines();
		jdbc.sql("""
				INSERT INTO trade.finance_schedule_line (request_id, seq, due_on, kind, amount, tonnes)
				SELECT :id, * FROM unnest(CAST(:seq AS int[]), CAST(:due AS date[]), CAST(:kind AS text[]),
				    CAST(:amount AS numeric[]), CAST(:tonnes AS numeric[]))
				""").param("id", id)
			.param("seq", lines.stream().map(Line::seq).toArray(Integer[]::new))
			.param("due", lines.stream().map(l -> l.dueOn().toString()).toArray(String[]::new))
			.param("kind", lines.stream().map(Line::kind).toArray(String[]::new))
			.param("amount", lines.stream().map(l -> l.amount().toPlainString()).toArray(String[]::new))
			.param("tonnes", lines.stream().map(l -> l.tonnes() == null ? null : l.tonnes().toPlainString())
				.toArray(String[]::new))
			.update();
	}

	void event(long id, String from, String to, String actor, String note) {
		event(id, from, to, actor, note, clock.instant());
	}

	void event(long id, String from, String to, String actor, String note, Instant at) {
		jdbc.sql("""
				INSERT INTO trade.finance_event (request_id, from_status, to_status, actor, note, at)
				VALUES (:id, :from, :to, :actor, :note, :at)
				""").param("id", id).param("from", from).param("to", to).param("actor", actor).param("note", note)
			.param("at", Timestamp.from(at)).update();
	}

	Request load(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(RecordRowMapper.of(Request.class)).optional()
			.orElseThrow(() -> new NotFoundException("finance request", Long.toString(id)));
	}

}
