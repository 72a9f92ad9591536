package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.DocumentFile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the demo projects carry beyond their facts: yearly budgets, result indicators (most linked to the demo
 * balance sheets, a demo hub's capacity and IFPA's demo deals, so that their actuals are measured), an appraisal
 * report, and the investment pipeline of the projects that seek finance, with demo investors at each step.
 */
@Component
class DemoProjectDetails {

	/** A result indicator of a demo project: titles, link, the commodity and member it reads, baseline and target. */
	private record Result(String project, int type, String en, String ar, String fr, String unit, String link,
			String country, String commodity, int baselineYear, String baseline, String target) {
	}

	private static final List<Result> RESULTS = List.of(
			new Result("DEMO-WHEAT-SAHEL", 3, "Wheat self-sufficiency in Senegal", "الاكتفاء الذاتي من القمح في السنغال",
					"Autosuffisance en blé au Sénégal", "PERCENT", "SELF_SUFFICIENCY", "SEN", "wheat", 2018, null, "+8"),
			new Result("DEMO-WHEAT-SAHEL", 1, "Farmers trained in improved wheat seed", "المزارعون المدربون على بذور القمح المحسنة",
					"Agriculteurs formés aux semences de blé améliorées", "COUNT", "NONE", null, null, 2022, "0", "12000"),
			new Result("DEMO-RICE-WA", 2, "Rice production in Guinea", "إنتاج الأرز في غينيا", "Production de riz en Guinée",
					"THOUSAND_TONNES", "PRODUCTION", "GIN", "rice", 2018, null, "*1.25"),
			new Result("DEMO-WHEAT-MAGHREB", 3, "Wheat self-sufficiency in Morocco", "الاكتفاء الذاتي من القمح في المغرب",
					"Autosuffisance en blé au Maroc", "PERCENT", "SELF_SUFFICIENCY", "MAR", "wheat", 2019, null, "+6"),
			new Result("DEMO-RICE-BGD", 2, "Rice production in Bangladesh", "إنتاج الأرز في بنغلاديش",
					"Production de riz au Bangladesh", "THOUSAND_TONNES", "PRODUCTION", "BGD", "rice", 2019, null, "*1.10"),
			new Result("DEMO-PALM-SEA", 2, "Palm oil production in Indonesia", "إنتاج زيت النخيل في إندونيسيا",
					"Production d'huile de palme en Indonésie", "THOUSAND_TONNES", "PRODUCTION", "IDN", "palm_oil", 2020,
					null, "*1.15"),
			new Result("DEMO-MAIZE-MOZ", 3, "Maize self-sufficiency in Mozambique", "الاكتفاء الذاتي من الذرة في موزمبيق",
					"Autosuffisance en maïs au Mozambique", "PERCENT", "SELF_SUFFICIENCY", "MOZ", "maize", 2017, null, "+10"),
			new Result("DEMO-WAREHOUSE-WA", 1, "Storage capacity of the West African hub", "سعة تخزين مركز غرب أفريقيا",
					"Capacité de stockage de la plateforme ouest-africaine", "TONNES", "HUB_CAPACITY", null, null, 2025, "0",
					"100000"),
			new Result("DEMO-TRADE-IFPA", 2, "Wheat traded through IFPA", "القمح المتداول عبر الاتحاد الدولي لتصنيع الأغذية الإسلامية",
					"Blé échangé via l'IFPA", "TONNES", "IFPA_TONNES", null, "wheat", 2025, "0", "50000"));

	private final JdbcClient jdbc;

	private final Hubs hubs;

	private final Organisations organisations;

	private final ProjectResults results;

	private final Clock clock;

	DemoProjectDetails(JdbcClient jdbc, Hubs hubs, Organisations organisations, ProjectResults results, Clock clock) {
		this.jdbc = jdbc;
		this.hubs = hubs;
		this.organisations = organisations;
		this.results = results;
		this.clock = clock;
	}

	void fill(LocalDate today) {
		budgets(today);
		String hub = hubs.all().stream().filter(h -> "DEMO-WEST-AFRICA".equals(h.reserve())).map(Hubs.Hub::code)
			.sorted().findFirst().orElse(null);
		for (int i = 0; i < RESULTS.size(); i++) {
			result(RESULTS.get(i), i, hub, today);
		}
		results.measure(null);
		documents(today);
		pipeline();
	}

	/** This year's budget, committed, and next year's, indicative, for every project under way. */
	private void budgets(LocalDate today) {
		LocalDate year = today.withDayOfYear(1);
		jdbc.sql("""
				INSERT INTO projects.project_budget (project_id, kind, status, period_start, period_end, currency, value,
				    value_usd, demo)
				SELECT p.id, 'BUDGET', s.status, s.start, s.start + interval '1 year' - interval '1 day', 'USD', t.total / 5,
				       t.total / 5, true
				FROM projects.project p
				JOIN (SELECT project_id, sum(value_usd) AS total FROM projects.project_transaction WHERE type = 2
				      GROUP BY project_id) t ON t.project_id = p.id
				CROSS JOIN (VALUES (2, CAST(:thisYear AS date)), (1, CAST(:nextYear AS date))) AS s (status, start)
				WHERE p.demo AND p.stage IN ('EFFECTIVENESS', 'IMPLEMENTATION')
				""").param("thisYear", Date.valueOf(year)).param("nextYear", Date.valueOf(year.plusYears(1))).update();
		jdbc.sql("""
				INSERT INTO projects.project_budget (project_id, kind, status, period_start, period_end, currency, value,
				    value_usd, financier_name, financier_type, demo)
				SELECT b.project_id, 'PLANNED_DISBURSEMENT', 1, b.period_start, b.period_start + interval '6 months'
				       - interval '1 day', 'USD', b.value / 2, b.value_usd / 2, 'Islamic Development Bank', '40', true
				FROM projects.project_budget b WHERE b.demo AND b.kind = 'BUDGET' AND b.status = 1
				""").update();
	}

	/**
	 * An indicator with yearly targets to the project's end. A linked one's baseline is the measured figure of its
	 * baseline year (read after measuring), its target a change from it: "+8" points, "*1.25" times.
	 */
	private void result(Result result, int position, String hub, LocalDate today) {
		Long project = jdbc.sql("SELECT id FROM projects.project WHERE code = :code").param("code", result.project())
			.query(Long.class).optional().orElse(null);
		if (project == null || (result.link().equals("HUB_CAPACITY") && hub == null)) {
			return;
		}
		BigDecimal baseline = result.baseline() != null ? new BigDecimal(result.baseline())
				: measuredOr(result, BigDecimal.ONE);
		long id = jdbc.sql("""
				INSERT INTO projects.result_indicator (project_id, position, result_type, title_en, title_ar, title_fr,
				    unit, baseline_year, baseline_value, link, link_country, link_commodity, link_hub)
				VALUES (:project, :position, :type, :en, :ar, :fr, :unit, :year, :baseline, :link, :country, :commodity,
				    :hub)
				RETURNING id
				""").param("project", project).param("position", position).param("type", result.type())
			.param("en", result.en()).param("ar", result.ar()).param("fr", result.fr()).param("unit", result.unit())
			.param("year", result.baselineYear()).param("baseline", baseline).param("link", result.link())
			.param("country", result.country()).param("commodity", result.commodity())
			.param("hub", result.link().equals("HUB_CAPACITY") ? hub : null)
			.query(Long.class).single();
		int last = today.getYear() + 2;
		for (int year = result.baselineYear() + 1; year <= last; year++) {
			BigDecimal target = target(result.target(), baseline, (year - result.baselineYear()) / (double) (last
					- result.baselineYear()));
			jdbc.sql("INSERT INTO projects.result_period (indicator_id, year, target) VALUES (:id, :year, :target)")
				.param("id", id).param("year", year).param("target", target).update();
		}
		if (result.link().equals("NONE")) {
			jdbc.sql("""
					UPDATE projects.result_period SET actual = round(target * 0.8), actual_source = 'ENTERED'
					WHERE indicator_id = :id AND year < :year
					""").param("id", id).param("year", today.getYear()).update();
		}
	}

	/** A linked indicator's figure in its baseline year, read through the same measurement the results use. */
	private BigDecimal measuredOr(Result result, BigDecimal otherwise) {
		var figures = switch (result.link()) {
			case "SELF_SUFFICIENCY", "PRODUCTION" -> results.figuresOf(result.link(), result.country(), result.commodity());
			default -> java.util.Map.<Integer, BigDecimal>of();
		};
		BigDecimal figure = figures.get(result.baselineYear());
		return figure == null ? otherwise : figure.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	/** The target a share of the way from the baseline to the end target: "+8" points more, "*1.25" times, or a figure. */
	private static BigDecimal target(String end, BigDecimal baseline, double share) {
		BigDecimal whole;
		if (end.startsWith("+")) {
			whole = baseline.add(new BigDecimal(end.substring(1)));
		}
		else if (end.startsWith("*")) {
			whole = baseline.multiply(new BigDecimal(end.substring(1)));
		}
		else {
			whole = new BigDecimal(end);
		}
		return baseline.add(whole.subtract(baseline).multiply(BigDecimal.valueOf(share)))
			.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	/** An appraisal report for every demo project past appraisal: a one-page PDF saying it is demo data. */
	private void documents(LocalDate today) {
		byte[] pdf = ("%PDF-1.4\n% Demo appraisal report of the OIC Food Security Ecosystem platform.\n"
				+ "1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
		jdbc.sql("""
				INSERT INTO projects.project_document (project_id, title_en, title_ar, title_fr, category, document_on,
				    media_type, sha256, content, size_bytes, uploaded_by, uploaded_at)
				SELECT id, 'Appraisal report (demo)', 'تقرير التقييم (تجريبي)', 'Rapport d''évaluation (démo)', 'A01', :on,
				       'application/pdf', :sha, :content, :size, 'demo', :at
				FROM projects.project
				WHERE demo AND stage NOT IN ('IDENTIFICATION', 'PREPARATION', 'APPRAISAL')
				""").param("on", Date.valueOf(today.minusMonths(3))).param("sha", DocumentFile.sha256(pdf))
			.param("content", pdf).param("size", pdf.length).param("at", Timestamp.from(clock.instant())).update();
	}

	/** Demo investors at each step: interest, due diligence, a term sheet, on the projects seeking finance. */
	private void pipeline() {
		List<UUID> investors = new java.util.ArrayList<>(organisations.idsOfType(OrganisationType.FINANCIAL_INSTITUTION)
			.stream().sorted().toList());
		investors.addAll(organisations.idsOfType(OrganisationType.COMPANY).stream().sorted().limit(2).toList());
		List<Long> seeking = jdbc.sql("SELECT id FROM projects.project WHERE demo AND seeking_usd IS NOT NULL ORDER BY id")
			.query(Long.class).list();
		String[] steps = { "INTEREST", "DUE_DILIGENCE", "TERM_SHEET" };
		Timestamp now = Timestamp.from(clock.instant());
		for (int i = 0; i < seeking.size() && !investors.isEmpty(); i++) {
			UUID investor = investors.get(i % investors.size());
			String type = organisations.typeOf(investor).filter(OrganisationType.FINANCIAL_INSTITUTION::equals)
				.isPresent() ? "70" : "71";
			String name = organisations.nameOf(investor).map(n -> n.name(Locale.ENGLISH)).orElse("Investor");
			long id = jdbc.sql("""
					INSERT INTO projects.opportunity (project_id, investor_id, investor_name, investor_type, amount_usd,
					    mode, status, created_at, updated_at, demo)
					SELECT id, :investor, :name, :type, round(seeking_usd / 3, -3), :mode, :status, :now, :now, true
					FROM projects.project WHERE id = :project
					RETURNING id
					""").param("investor", investor).param("name", name).param("type", type)
				.param("mode", i % 2 == 0 ? "MUSHARAKA" : "ISTISNAA").param("status", steps[i % steps.length])
				.param("now", now).param("project", seeking.get(i)).query(Long.class).single();
			for (int step = 0; step <= i % steps.length; step++) {
				jdbc.sql("""
						INSERT INTO projects.opportunity_step (opportunity_id, at, from_status, to_status, taken_by)
						VALUES (:id, :at, :from, :to, 'demo')
						""").param("id", id).param("at", now).param("from", step == 0 ? null : steps[step - 1])
					.param("to", steps[step]).update();
			}
		}
	}

}
