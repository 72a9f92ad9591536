package org.iofs.fse.foodbalance.entry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.foodbalance.internal.BalanceLines;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national entry workflow. A focal point of the country (or an administrator) edits and submits; an analyst
 * returns the sheet with a comment or validates it, which publishes its values (source: the validating analyst's
 * review of the submitter's entry). Drafts are read by the country's focal points and the Secretariat only. Every
 * step is checked against the access policy and audited.
 */
@Service
public class NationalEntry {

	/** The elements entered: the supply side, domestic supply and the uses (1000 t). */
	public static final List<Integer> ELEMENTS = List.of(5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5154,
			5171, 5170, 5142);

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final Clock clock;

	NationalEntry(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, Commodities commodities,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
	}

	/**
	 * The year a country's entry page opens on when none is asked for: the latest year with a sheet still open
	 * (draft, returned or submitted); else the year after the latest published one, up to last year; else last year.
	 */
	@Transactional(readOnly = true)
	public int latestOpenYear(String iso3) {
		String country = countries.get(iso3).iso3();
		access.requireOrHide(Action.READ_COUNTRY_DATA, Scope.country(country), "draft balance sheet", country);
		int lastYear = Year.now(clock).getValue() - 1;
		Integer open = jdbc.sql("""
				SELECT max(year) FROM foodbalance.sheet_draft
				WHERE country_iso3 = :c AND status IN ('DRAFT', 'RETURNED', 'SUBMITTED')
				""").param("c", country).query(Integer.class).optional().orElse(null);
		if (open != null) {
			return open;
		}
		Integer published = jdbc.sql("""
				SELECT max(year) FROM foodbalance.balance_value WHERE country_iso3 = :c AND status = 'PUBLISHED'
				""").param("c", country).query(Integer.class).optional().orElse(null);
		return published == null ? lastYear : Math.min(published + 1, lastYear);
	}

	/** The draft, as stored, or a new one holding the published values, which is not stored until saved. */
	@Transactional(readOnly = true)
	public DraftSheet open(String iso3, int year) {
		String country = countries.get(iso3).iso3();
		access.requireOrHide(Action.READ_COUNTRY_DATA, Scope.country(country), "draft balance sheet",
				country + "/" + year);
		checkYear(year);
		return find(country, year).orElseGet(() -> new DraftSheet(country, year, DraftSheet.Status.DRAFT, null, null,
				null, null, items(), published(country, year)));
	}

	@Transactional
	public DraftSheet save(String iso3, int year, Map<Integer, Map<Integer, BigDecimal>> values) {
		String country = countries.get(iso3).iso3();
		Caller caller = access.require(Action.ENTER_COUNTRY_DATA, Scope.country(country));
		checkYear(year);
		DraftSheet before = open(country, year);
		if (!before.status().editable()) {
			throw new InvalidInputException("status", "a " + before.status() + " sheet cannot be edited");
		}
		for (Map.Entry<Integer, Map<Integer, BigDecimal>> item : values.entrySet()) {
			if (!items().contains(item.getKey())) {
				throw new InvalidInputException("item", "item " + item.getKey() + " is not entered nationally");
			}
			for (Integer element : item.getValue().keySet()) {
				if (!ELEMENTS.contains(element)) {
					throw new InvalidInputException("element", "element " + element + " is not entered nationally");
				}
			}
		}
		jdbc.sql("""
				INSERT INTO foodbalance.sheet_draft (country_iso3, year, status, updated_by) VALUES (:c, :y, 'DRAFT', :u)
				ON CONFLICT (country_iso3, year) DO UPDATE SET updated_by = :u, updated_at = now(),
				    status = CASE WHEN sheet_draft.status = 'RETURNED' THEN 'RETURNED' ELSE 'DRAFT' END
				""").param("c", country).param("y", year).param("u", caller.username()).update();
		for (Commodity commodity : commodities.ofKind(CommodityKind.COMMODITY)) {
			jdbc.sql("INSERT INTO foodbalance.fbs_item (code, name_en) VALUES (:code, :name) ON CONFLICT DO NOTHING")
				.param("code", commodity.fbsItemCodes().get(0))
				.param("name", commodity.names().en())
				.update();
		}
		jdbc.sql("DELETE FROM foodbalance.draft_value WHERE country_iso3 = :c AND year = :y")
			.param("c", country).param("y", year).update();
		List<Integer> itemColumn = new ArrayList<>();
		List<Integer> elementColumn = new ArrayList<>();
		List<String> valueColumn = new ArrayList<>();
		values.forEach((item, byElement) -> byElement.forEach((element, value) -> {
			if (value != null) {
				itemColumn.add(item);
				elementColumn.add(element);
				valueColumn.add(value.toPlainString());
			}
		}));
		// One statement for the whole sheet, whatever its size.
		jdbc.sql("""
				INSERT INTO foodbalance.draft_value (country_iso3, year, item_code, element_code, value)
				SELECT :c, :y, i, e, v FROM unnest(CAST(:items AS integer[]), CAST(:elements AS integer[]),
				                                   CAST(:values AS numeric[])) AS t (i, e, v)
				""")
			.param("c", country)
			.param("y", year)
			.param("items", itemColumn.toArray(Integer[]::new))
			.param("elements", elementColumn.toArray(Integer[]::new))
			.param("values", valueColumn.toArray(String[]::new))
			.update();
		DraftSheet after = find(country, year).orElseThrow();
		audit.record("foodbalance.draft-saved", "balance-sheet", country + "/" + year, before.values(), after.values());
		return after;
	}

	@Transactional
	public DraftSheet submit(String iso3, int year) {
		String country = countries.get(iso3).iso3();
		Caller caller = access.require(Action.ENTER_COUNTRY_DATA, Scope.country(country));
		return move(country, year, List.of(DraftSheet.Status.DRAFT, DraftSheet.Status.RETURNED),
				DraftSheet.Status.SUBMITTED, null, caller, "submitted_by");
	}

	@Transactional
	public DraftSheet returnToCountry(String iso3, int year, String comment) {
		String country = countries.get(iso3).iso3();
		Caller caller = access.require(Action.PUBLISH, Scope.country(country));
		if (comment == null || comment.isBlank() || comment.length() > 2000) {
			throw new InvalidInputException("comment", "a returned sheet needs a comment of 1 to 2000 characters");
		}
		return move(country, year, List.of(DraftSheet.Status.SUBMITTED), DraftSheet.Status.RETURNED, comment.strip(),
				caller, "reviewed_by");
	}

	/** Validates a submitted sheet and publishes its values in the food balance database. */
	@Transactional
	public DraftSheet validate(String iso3, int year) {
		String country = countries.get(iso3).iso3();
		Caller caller = access.require(Action.PUBLISH, Scope.country(country));
		DraftSheet validated = move(country, year, List.of(DraftSheet.Status.SUBMITTED), DraftSheet.Status.VALIDATED,
				null, caller, "reviewed_by");
		BalanceLines.createIncoming(jdbc);
		BalanceLines.incomingFromValues(jdbc, """
				SELECT d.country_iso3, d.item_code, d.year, d.element_code, d.value, e.unit, ''
				FROM foodbalance.draft_value d JOIN foodbalance.fbs_element e ON e.code = d.element_code
				WHERE d.country_iso3 = :c AND d.year = :y
				""", Map.of("c", country, "y", year));
		BalanceLines.Counts counts = BalanceLines.merge(jdbc,
				BalanceLines.Source.ofUser(validated.submittedBy() + " (validated by " + caller.username() + ")"), false,
				List.of(countries.get(country).iso3()));
		long published = counts.inserted() + counts.updated() + counts.unchanged();
		audit.record("foodbalance.published", "balance-sheet", country + "/" + year, null, Map.of("values", published));
		return validated;
	}

	/** Sheets waiting for an analyst, for the Secretariat's review list. */
	@Transactional(readOnly = true)
	public List<DraftSheet> submitted() {
		access.require(Action.PUBLISH);
		List<DraftSheet> sheets = new ArrayList<>();
		jdbc.sql("SELECT country_iso3, year FROM foodbalance.sheet_draft WHERE status = 'SUBMITTED' ORDER BY updated_at")
			.query((rs, n) -> sheets.add(find(rs.getString(1), rs.getInt(2)).orElseThrow()))
			.list();
		return sheets;
	}

	private DraftSheet move(String country, int year, List<DraftSheet.Status> from, DraftSheet.Status to,
			String comment, Caller caller, String actorColumn) {
		DraftSheet before = find(country, year)
			.orElseThrow(() -> new InvalidInputException("status", "there is no draft for " + country + " " + year));
		if (!from.contains(before.status())) {
			throw new InvalidInputException("status", "a " + before.status() + " sheet cannot become " + to);
		}
		jdbc.sql("UPDATE foodbalance.sheet_draft SET status = :to, comment = :comment, updated_at = now(), "
				+ actorColumn + " = :user WHERE country_iso3 = :c AND year = :y")
			.param("to", to.name())
			.param("comment", comment)
			.param("user", caller.username())
			.param("c", country)
			.param("y", year)
			.update();
		DraftSheet after = find(country, year).orElseThrow();
		audit.record("foodbalance.sheet-" + to.name().toLowerCase(), "balance-sheet", country + "/" + year,
				Map.of("status", before.status()), Map.of("status", to, "comment", comment == null ? "" : comment));
		return after;
	}

	private Optional<DraftSheet> find(String country, int year) {
		return jdbc.sql("""
				SELECT status, comment, updated_by, submitted_by, reviewed_by FROM foodbalance.sheet_draft
				WHERE country_iso3 = :c AND year = :y
				""").param("c", country).param("y", year).query((rs, n) -> {
			Map<Integer, Map<Integer, BigDecimal>> values = new TreeMap<>();
			jdbc.sql("SELECT item_code, element_code, value FROM foodbalance.draft_value WHERE country_iso3 = :c AND year = :y")
				.param("c", country)
				.param("y", year)
				.query((v, m) -> values.computeIfAbsent(v.getInt(1), k -> new LinkedHashMap<>()).put(v.getInt(2), v.getBigDecimal(3)))
				.list();
			return new DraftSheet(country, year, DraftSheet.Status.valueOf(rs.getString("status")), rs.getString("comment"),
					rs.getString("updated_by"), rs.getString("submitted_by"), rs.getString("reviewed_by"), items(), values);
		}).optional();
	}

	private Map<Integer, Map<Integer, BigDecimal>> published(String country, int year) {
		Map<Integer, Map<Integer, BigDecimal>> values = new TreeMap<>();
		jdbc.sql("""
				SELECT item_code, element_code, value FROM foodbalance.balance_value
				WHERE country_iso3 = :c AND year = :y AND status = 'PUBLISHED'
				  AND item_code = ANY (CAST(:items AS integer[])) AND element_code = ANY (CAST(:elements AS integer[]))
				""")
			.param("c", country)
			.param("y", year)
			.param("items", items().stream().mapToInt(Integer::intValue).toArray())
			.param("elements", ELEMENTS.stream().mapToInt(Integer::intValue).toArray())
			.query((rs, n) -> values.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3)))
			.list();
		return values;
	}

	/** The items entered nationally: each strategic commodity's first FBS code (groups are sums, not entered). */
	public List<Integer> items() {
		return commodities.ofKind(CommodityKind.COMMODITY).stream().map(Commodity::fbsItemCodes).map(c -> c.get(0)).toList();
	}

	private static void checkYear(int year) {
		if (year < 1900 || year > 2100) {
			throw new InvalidInputException("year", "must be between 1900 and 2100, was " + year);
		}
	}

}
