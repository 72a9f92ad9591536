package org.iofs.fse.countries;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The countries list (filter by group, sort by any column; htmx swaps only the table) and the country page, the
 * "cockpit" whose tabs later capabilities fill.
 */
@Controller
@RequestMapping("/countries")
class CountryController {

	private final Countries countries;

	CountryController(Countries countries) {
		this.countries = countries;
	}

	@GetMapping
	String list(@RequestParam(required = false) String group, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Locale locale, Model model) {
		OicGroup selectedGroup = group == null ? null : OicGroup.parse(group).orElse(null);
		CountrySort selectedSort = CountrySort.parse(sort);
		boolean descending = "desc".equalsIgnoreCase(dir);
		Comparator<Country> order = selectedSort.comparator(locale);
		List<Country> rows = countries.inGroup(selectedGroup)
			.stream()
			.sorted(descending ? order.reversed() : order)
			.toList();
		model.addAttribute("countries", rows);
		model.addAttribute("groups", OicGroup.values());
		model.addAttribute("selectedGroup", selectedGroup);
		model.addAttribute("sort", selectedSort.param());
		model.addAttribute("descending", descending);
		return htmx != null ? "countries/list :: table" : "countries/list";
	}

	static final List<String> TABS = List.of("overview", "foodbalance", "prices", "reserves", "trade", "projects",
			"engagements");

	/** {@code ?tab=foodbalance} opens that tab, so a link can point at it. */
	@GetMapping("/{iso3}")
	String show(@PathVariable String iso3, @RequestParam(required = false) String tab, Model model) {
		Country country = countries.find(iso3).orElseThrow(() -> new NotFoundException("country", iso3));
		model.addAttribute("country", country);
		model.addAttribute("tabs", TABS);
		model.addAttribute("tab", tab != null && TABS.contains(tab) ? tab : "overview");
		return "countries/show";
	}

}
