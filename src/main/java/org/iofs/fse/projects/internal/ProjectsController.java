package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;

import org.iofs.fse.shared.web.TableDownload;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The portfolio's pages: the projects the reader may see, filtered by member state, sector and stage, with what
 * was committed and disbursed; a project with its member states, sectors, organisations and financing.
 */
@Controller
class ProjectsController {

	/** A project in the list, with its financing in US dollars. */
	record Row(Projects.Project project, BigDecimal committedUsd, BigDecimal disbursedUsd) {
	}

	private final Projects projects;

	private final Financing financing;

	private final DacSectors sectors;

	private final Countries countries;

	private final Commodities commodities;

	private final ProjectResults results;

	private final Budgets budgets;

	private final ProjectDocuments documents;

	private final Pipeline pipeline;

	private final Proposals proposals;

	private final org.iofs.fse.organisations.Organisations organisations;

	private final tools.jackson.databind.json.JsonMapper json;

	ProjectsController(Projects projects, Financing financing, DacSectors sectors, Countries countries,
			Commodities commodities, ProjectResults results, Budgets budgets, ProjectDocuments documents,
			Pipeline pipeline, Proposals proposals, org.iofs.fse.organisations.Organisations organisations,
			tools.jackson.databind.json.JsonMapper json) {
		this.json = json;
		this.projects = projects;
		this.financing = financing;
		this.sectors = sectors;
		this.countries = countries;
		this.commodities = commodities;
		this.results = results;
		this.budgets = budgets;
		this.documents = documents;
		this.pipeline = pipeline;
		this.proposals = proposals;
		this.organisations = organisations;
	}

	/** The filters of the portfolio, any of them blank. */
	record Filters(String country, String sector, String commodity, String stage, String financier) {

		boolean keeps(Projects.Project p, List<Financing.Transaction> transactions) {
			return (blank(sector) || p.sectors().stream().anyMatch(s -> s.code().equals(sector)))
					&& (blank(commodity) || p.commodities().contains(commodity))
					&& (blank(stage) || p.stage().equals(stage))
					&& (blank(financier) || financiers(p, transactions).contains(financier));
		}

	}

	@GetMapping("/projects")
	String portfolio(@RequestParam(required = false) String country, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String financier, Model model) {
		Filters filters = new Filters(country, sector, commodity, stage, financier);
		List<Row> rows = rows(filters);
		model.addAttribute("rows", rows);
		model.addAttribute("committed", rows.stream().map(Row::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("disbursed", rows.stream().map(Row::disbursedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("filters", filters);
		model.addAttribute("stages", Projects.Stage.values());
		model.addAttribute("financiers", financing.financiers());
		model.addAttribute("points", json.writeValueAsString(points(rows,
				org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		model.addAttribute("mayReadPipeline", pipeline.mayReadPipeline());
		indexes(model);
		return "projects/portfolio";
	}

	/** The portfolio as shown, filters and all, as CSV or XLSX. */
	@GetMapping("/projects/export.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String format,
			@RequestParam(required = false) String country, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String financier) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		List<Row> rows = rows(new Filters(country, sector, commodity, stage, financier));
		List<List<Object>> table = rows.stream().map(row -> List.<Object>of(row.project().code(),
				row.project().titles().in(locale), row.project().kind(), row.project().stage(),
				row.project().countries().stream().map(c -> c.code() + " " + c.percentage().toPlainString())
					.collect(Collectors.joining("; ")),
				row.project().sectors().stream().map(c -> c.code() + " " + c.percentage().toPlainString())
					.collect(Collectors.joining("; ")),
				String.join("; ", row.project().commodities()), row.project().plannedStart().toString(),
				row.project().plannedEnd() == null ? "" : row.project().plannedEnd().toString(), row.committedUsd(),
				row.disbursedUsd(), row.project().published())).toList();
		return TableDownload.of("projects", TableDownload.format(format), List.of("code", "title", "kind", "stage",
				"member_states_pct", "dac_sectors_pct", "commodities", "planned_start", "planned_end", "committed_usd",
				"disbursed_usd", "published"), table);
	}

	private List<Row> rows(Filters filters) {
		List<Projects.Project> readable = projects.list(filters.country());
		Map<Long, List<Financing.Transaction>> transactions = financing.transactions(readable.stream()
			.map(Projects.Project::id).toList());
		return readable.stream()
			.filter(p -> filters.keeps(p, transactions.getOrDefault(p.id(), List.of())))
			.map(p -> new Row(p, sum(transactions.get(p.id()), 2), sum(transactions.get(p.id()), 3)))
			.toList();
	}

	/** Who finances a project: its funding participants and the providers of its transactions. */
	static java.util.Set<String> financiers(Projects.Project p, List<Financing.Transaction> transactions) {
		java.util.Set<String> names = new java.util.HashSet<>();
		p.organisations().stream().filter(o -> o.role() == 1).forEach(o -> names.add(o.name()));
		transactions.forEach(t -> names.add(t.financierName()));
		return names;
	}

	/**
	 * A point on the portfolio map: a project's site ({@code site} true), or where it names none, its members'
	 * capitals.
	 */
	record Point(long project, String title, String place, BigDecimal latitude, BigDecimal longitude, boolean site) {
	}

	private List<Point> points(List<Row> rows, java.util.Locale locale) {
		List<Point> points = new java.util.ArrayList<>();
		for (Row row : rows) {
			Projects.Project p = row.project();
			if (!p.locations().isEmpty()) {
				p.locations().forEach(l -> points.add(new Point(p.id(), p.titles().in(locale), l.names().in(locale),
						l.latitude(), l.longitude(), true)));
			}
			else {
				for (Projects.Share share : p.countries()) {
					Country c = countries.get(share.code());
					if (c.capital() != null && c.capital().latitude() != null) {
						points.add(new Point(p.id(), p.titles().in(locale), c.name(locale), c.capital().latitude(),
								c.capital().longitude(), false));
					}
				}
			}
		}
		return points;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The country cockpit's Projects tab, loaded by htmx: the member's projects the reader may see. */
	@GetMapping("/countries/{iso3}/projects")
	String tab(@PathVariable String iso3, Model model) {
		Country country = countries.get(iso3);
		List<Projects.Project> shown = projects.list(country.iso3());
		Map<Long, List<Financing.Transaction>> transactions = financing.transactions(shown.stream()
			.map(Projects.Project::id).toList());
		model.addAttribute("country", country);
		model.addAttribute("rows", shown.stream().map(p -> new Row(p, sum(transactions.get(p.id()), 2),
				sum(transactions.get(p.id()), 3))).toList());
		return "projects/tab :: tab";
	}

	@GetMapping("/projects/{id:[0-9]+}")
	String project(@PathVariable long id, Model model) {
		Projects.Project project = projects.get(id);
		List<Financing.Transaction> transactions = financing.of(id);
		model.addAttribute("project", project);
		model.addAttribute("transactions", transactions);
		model.addAttribute("committed", sum(transactions, 2));
		model.addAttribute("disbursed", sum(transactions, 3));
		model.addAttribute("financingChart", json.writeValueAsString(ProjectCharts.financingByYear(transactions)));
		List<ProjectResults.Indicator> indicators = results.of(id);
		model.addAttribute("indicators", indicators);
		model.addAttribute("indicatorCharts", ProjectCharts.indicators(indicators).stream()
			.collect(Collectors.toMap(ProjectCharts.Indicator::id, json::writeValueAsString)));
		model.addAttribute("budgets", budgets.of(id));
		model.addAttribute("documents", documents.of(id));
		model.addAttribute("categories", ProjectDocuments.CATEGORIES.stream().sorted().toList());
		model.addAttribute("gap", pipeline.gapOf(id).orElse(null));
		model.addAttribute("investor", pipeline.mayExpressInterest());
		List<Pipeline.Opportunity> opportunities = pipeline.mayReadPipeline() ? pipeline.opportunities().stream()
			.filter(o -> o.project() == id).toList() : List.of();
		model.addAttribute("opportunities", opportunities);
		model.addAttribute("investorNames", pipeline.investorNames(opportunities));
		model.addAttribute("modes", Financing.Mode.values());
		model.addAttribute("proposals", proposals.mayRead(project) ? proposals.of(id) : List.of());
		model.addAttribute("proposalsShown", proposals.mayRead(project));
		model.addAttribute("proposalMembers", proposals.membersForProposals(project));
		model.addAttribute("topics", Proposals.Topic.values());
		model.addAttribute("stages", Projects.Stage.values());
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		// A financier that also takes part in the project is named as its participant is, in the reader's language.
		model.addAttribute("financierNames", project.organisations().stream().collect(Collectors.toMap(
				Projects.Participant::name, participant -> participant.name(locale), (a, b) -> a)));
		model.addAttribute("currentStage", Projects.Stage.valueOf(project.stage()).ordinal());
		indexes(model);
		return "projects/project";
	}

	private void indexes(Model model) {
		var members = countries.all();
		model.addAttribute("members", members);
		model.addAttribute("countryIndex", members.stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("sectors", sectors.all());
		model.addAttribute("sectorIndex", sectors.all().stream()
			.collect(Collectors.toMap(DacSectors.Sector::code, Function.identity())));
		model.addAttribute("commodityIndex", commodities.all().stream()
			.collect(Collectors.toMap(c -> c.code(), Function.identity(), (a, b) -> a)));
	}

	private static BigDecimal sum(List<Financing.Transaction> transactions, int type) {
		return transactions == null ? BigDecimal.ZERO : transactions.stream().filter(t -> t.type() == type)
			.map(Financing.Transaction::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
