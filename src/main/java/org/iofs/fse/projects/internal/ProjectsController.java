package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

	ProjectsController(Projects projects, Financing financing, DacSectors sectors, Countries countries,
			Commodities commodities) {
		this.projects = projects;
		this.financing = financing;
		this.sectors = sectors;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/projects")
	String portfolio(@RequestParam(required = false) String country, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String stage, Model model) {
		List<Projects.Project> shown = projects.list(country).stream()
			.filter(p -> sector == null || sector.isBlank() || p.sectors().stream().anyMatch(s -> s.code().equals(sector)))
			.filter(p -> stage == null || stage.isBlank() || p.stage().equals(stage))
			.toList();
		Map<Long, List<Financing.Transaction>> transactions = financing.transactions(shown.stream()
			.map(Projects.Project::id).toList());
		List<Row> rows = shown.stream().map(p -> new Row(p, sum(transactions.get(p.id()), 2),
				sum(transactions.get(p.id()), 3))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("committed", rows.stream().map(Row::committedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("disbursed", rows.stream().map(Row::disbursedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("country", country);
		model.addAttribute("sector", sector);
		model.addAttribute("stage", stage);
		model.addAttribute("stages", Projects.Stage.values());
		indexes(model);
		return "projects/portfolio";
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
