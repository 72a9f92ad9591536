package org.iofs.fse.projects.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.Inputs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's financing: each financier's commitments, disbursements, expenditure and repayments as IATI
 * transactions, with the Islamic mode of the money (and the IATI finance type it is published as: a grant 110; a
 * murabaha, istisna'a, ijara or salam 421, a standard loan; a musharaka 510, equity), valued in US dollars at the
 * month's rate from the rates table the Secretariat loads from CSV. Committed against disbursed, per project,
 * financier, member state (by the project's shares) and year.
 */
@Service
public class Financing {

	/** The Islamic modes and the IATI finance type each is published as. */
	public enum Mode {

		GRANT("110"), MURABAHA("421"), ISTISNAA("421"), IJARA("421"), MUSHARAKA("510"), SALAM("421");

		final String financeType;

		Mode(String financeType) {
			this.financeType = financeType;
		}

	}

	/** IATI transaction types a project records: incoming funds, commitment, disbursement, expenditure, repayment. */
	static final Set<Integer> TYPES = Set.of(1, 2, 3, 4, 6, 11);

	public record Transaction(long id, long project, int type, LocalDate date, String currency, BigDecimal value,
			BigDecimal valueUsd, String financierName, String financierRef, String financierType, String mode,
			String financeType) {
	}

	public record NewTransaction(Integer type, LocalDate date, String currency, BigDecimal value,
			String financierName, String financierRef, String financierType, String mode) {
	}

	/** Committed and disbursed US dollars of one group (a project, a financier, a member state or a year). */
	public record Totals(String group, BigDecimal committedUsd, BigDecimal disbursedUsd) {
	}

	public record RatesLoaded(int rows, int changed) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	private final Clock clock;

	Financing(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
		this.clock = clock;
	}

	/**
	 * Rates as CSV with the header {@code currency,month,usd_per_unit} (month as 2026-11): checked whole, then
	 * written in one transaction; a row already held with the same rate changes nothing.
	 */
	@Transactional
	public RatesLoaded loadRates(String fileName, String csv) {
		access.require(Action.PUBLISH);
		List<Object[]> rows = new ArrayList<>();
		try (Reader reader = new StringReader(Objects.toString(csv, ""));
				CsvReader<NamedCsvRecord> records = CsvReader.builder().ofNamedCsvRecord(reader)) {
			for (NamedCsvRecord row : records) {
				if (!row.getHeader().containsAll(List.of("currency", "month", "usd_per_unit"))) {
					throw new InvalidInputException("file", fileName + ": the header must be currency,month,usd_per_unit");
				}
				long line = row.getStartingLineNumber();
				String currency = row.getField("currency").strip().toUpperCase(Locale.ROOT);
				if (!currency.matches("[A-Z]{3}")) {
					throw new InvalidInputException("currency", fileName + " line " + line + ": '" + currency
							+ "' is not an ISO 4217 code");
				}
				YearMonth month;
				try {
					month = YearMonth.parse(row.getField("month").strip());
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInputException("month", fileName + " line " + line + ": '" + row.getField("month")
							+ "' is not a month like 2026-11");
				}
				BigDecimal rate;
				try {
					rate = new BigDecimal(row.getField("usd_per_unit").strip());
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("usd_per_unit", fileName + " line " + line + ": not a number");
				}
				if (rate.signum() <= 0 || rate.scale() > 8) {
					throw new InvalidInputException("usd_per_unit", fileName + " line " + line
							+ ": must be above 0, to 8 decimals at most");
				}
				rows.add(new Object[] { currency, Date.valueOf(month.atDay(1)), rate });
			}
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", fileName + ": cannot be read");
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException ex) {
			throw new InvalidInputException("file", fileName + ": " + ex.getMessage());
		}
		int changed = 0;
		for (Object[] row : rows) {
			changed += jdbc.sql("""
					INSERT INTO projects.fx_rate (currency, month, usd_per_unit) VALUES (:currency, :month, :rate)
					ON CONFLICT (currency, month) DO UPDATE SET usd_per_unit = EXCLUDED.usd_per_unit
					WHERE projects.fx_rate.usd_per_unit <> EXCLUDED.usd_per_unit
					""").param("currency", row[0]).param("month", row[1]).param("rate", row[2]).update();
		}
		if (changed > 0) {
			audit.record("projects.rates-loaded", "fx-rates", fileName, null,
					Map.of("file", fileName, "rows", rows.size(), "changed", changed));
		}
		return new RatesLoaded(rows.size(), changed);
	}

	/** The Secretariat records a transaction; its value must be positive and its currency have a rate that month. */
	@Transactional
	public Transaction record(long projectId, NewTransaction given) {
		Caller caller = access.require(Action.PUBLISH);
		projects.load(projectId);
		if (given == null || given.type() == null || !TYPES.contains(given.type())) {
			throw new InvalidInputException("type", "must be an IATI transaction type: 1, 2, 3, 4, 6 or 11");
		}
		if (given.date() == null) {
			throw new InvalidInputException("date", "is required");
		}
		if (given.date().isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("date", "is in the future: a transaction records money that moved");
		}
		if (given.value() == null || given.value().signum() <= 0 || given.value().scale() > 2) {
			throw new InvalidInputException("value", "must be above 0, to the cent");
		}
		String currency = Inputs.required(given.currency(), "currency").toUpperCase(Locale.ROOT);
		BigDecimal rate = rate(currency, YearMonth.from(given.date()));
		Mode mode = Arrays.stream(Mode.values())
			.filter(m -> m.name().equalsIgnoreCase(Objects.toString(given.mode(), "").strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("mode", "must be one of " + Arrays.toString(Mode.values())));
		String type = Objects.toString(given.financierType(), "").strip();
		if (!ProjectRules.ORGANISATION_TYPES.contains(type)) {
			throw new InvalidInputException("financierType", "must be an IATI organisation type code");
		}
		String ref = Objects.toString(given.financierRef(), "").strip();
		if (ref.length() > 100 || !ref.matches("[A-Za-z0-9-]*")) {
			throw new InvalidInputException("financierRef", "must be an IATI organisation identifier");
		}
		BigDecimal usd = given.value().multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
		String name = Inputs.name(given.financierName(), 200, "financierName");
		long id = jdbc.sql("""
				INSERT INTO projects.project_transaction (project_id, type, transaction_on, currency, value, value_usd,
				    financier_name, financier_ref, financier_type, mode, created_by)
				VALUES (:project, :type, :date, :currency, :value, :usd, :name, :ref, :financierType, :mode, :by)
				RETURNING id
				""").param("project", projectId).param("type", given.type()).param("date", Date.valueOf(given.date()))
			.param("currency", currency).param("value", given.value()).param("usd", usd)
			.param("name", name).param("ref", ref)
			.param("financierType", type).param("mode", mode.name()).param("by", caller.username())
			.query(Long.class).single();
		Transaction recorded = new Transaction(id, projectId, given.type(), given.date(), currency, given.value(), usd,
				name, ref, type, mode.name(), mode.financeType);
		audit.record("projects.transaction-recorded", "project", projectId, null, recorded);
		return recorded;
	}

	/** A project's transactions, for whoever may read the project. */
	@Transactional(readOnly = true)
	public List<Transaction> of(long projectId) {
		projects.get(projectId);
		return transactions(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/** Transactions of many projects, one query. */
	Map<Long, List<Transaction>> transactions(List<Long> projectIds) {
		Map<Long, List<Transaction>> byProject = new HashMap<>();
		jdbc.sql("""
				SELECT id, project_id, type, transaction_on, currency, value, value_usd, financier_name, financier_ref,
				       financier_type, mode
				FROM projects.project_transaction WHERE project_id = ANY (:ids) ORDER BY project_id, transaction_on, id
				""").param("ids", projectIds.toArray(Long[]::new))
			.query((rs, row) -> byProject.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Transaction(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("type"),
						rs.getDate("transaction_on").toLocalDate(), rs.getString("currency"), rs.getBigDecimal("value"),
						rs.getBigDecimal("value_usd"), rs.getString("financier_name"), rs.getString("financier_ref"),
						rs.getString("financier_type"), rs.getString("mode"),
						Mode.valueOf(rs.getString("mode")).financeType)))
			.list();
		return byProject;
	}

	/**
	 * Committed (type 2) against disbursed (type 3) US dollars of the published projects, by project code, financier,
	 * member state (each transaction split by the project's country shares) or year.
	 */
	@Transactional(readOnly = true)
	public List<Totals> totals(String by) {
		String group = switch (Objects.toString(by, "project").toLowerCase(Locale.ROOT)) {
			case "project" -> "p.code";
			case "financier" -> "t.financier_name";
			case "year" -> "extract(year FROM t.transaction_on)::int::text";
			case "country" -> "c.country_iso3";
			default -> throw new InvalidInputException("by", "must be project, financier, country or year");
		};
		boolean byCountry = group.startsWith("c.");
		String share = byCountry ? " * c.percentage / 100" : "";
		Map<String, Totals> totals = new LinkedHashMap<>();
		jdbc.sql("SELECT " + group + " AS grp, "
				+ "round(coalesce(sum(t.value_usd" + share + ") FILTER (WHERE t.type = 2), 0), 2) AS committed, "
				+ "round(coalesce(sum(t.value_usd" + share + ") FILTER (WHERE t.type = 3), 0), 2) AS disbursed "
				+ "FROM projects.project_transaction t JOIN projects.project p ON p.id = t.project_id "
				+ (byCountry ? "JOIN projects.project_country c ON c.project_id = p.id " : "")
				+ "WHERE p.published GROUP BY 1 ORDER BY 1")
			.query((rs, row) -> totals.put(rs.getString("grp"), new Totals(rs.getString("grp"),
					rs.getBigDecimal("committed"), rs.getBigDecimal("disbursed"))))
			.list();
		return List.copyOf(totals.values());
	}

	/** The names of every financier of a published project, for the portfolio's filter. */
	@Transactional(readOnly = true)
	public List<String> financiers() {
		return jdbc.sql("""
				SELECT financier_name FROM projects.project_transaction t JOIN projects.project p ON p.id = t.project_id
				WHERE p.published
				UNION
				SELECT o.name FROM projects.project_organisation o JOIN projects.project p ON p.id = o.project_id
				WHERE p.published AND o.role = 1
				ORDER BY 1
				""").query(String.class).list();
	}

	private BigDecimal rate(String currency, YearMonth month) {
		if (currency.equals("USD")) {
			return BigDecimal.ONE;
		}
		return jdbc.sql("SELECT usd_per_unit FROM projects.fx_rate WHERE currency = :currency AND month = :month")
			.param("currency", currency).param("month", Date.valueOf(month.atDay(1))).query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("currency", "has no rate for " + month
					+ ": load the month's rates first"));
	}

}
