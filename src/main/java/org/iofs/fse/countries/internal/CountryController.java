package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.NotFoundException;

import org.iofs.fse.shared.web.TableDownload;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The countries list (filter by group, sort by any column; htmx swaps only the table) and the country page, the
 * "cockpit" whose tabs later capabilities fill.
 */
@Controller
class CountryController {

	private final Countries countries;

	CountryController(Countries countries) {
		this.countries = countries;
	}

	@GetMapping("/countries")
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

	/** The member states as CSV or XLSX, in the reader's language, filtered by group like the list. */
	@GetMapping("/countries.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String format, @RequestParam(required = false) String group,
			Locale locale) {
		OicGroup selectedGroup = group == null ? null : OicGroup.parse(group).orElse(null);
		List<List<Object>> rows = countries.inGroup(selectedGroup)
			.stream()
			.sorted(Countries.byName(locale))
			.map(c -> List.<Object>of(c.iso3(), c.iso2(), c.m49(), c.faoAreaCode(), c.name(locale), c.oicGroup().name(),
					c.oicMemberSince(), c.iofsStatus().name(), c.capital().names().in(locale), c.capital().latitude(),
					c.capital().longitude()))
			.toList();
		return TableDownload.of("oic-member-states", TableDownload.format(format), List.of("iso3", "iso2", "m49",
				"fao_area_code", "name", "oic_group", "oic_member_since", "iofs_status", "capital", "capital_lat",
				"capital_lon"), rows);
	}

	static final List<String> TABS = List.of("overview", "foodbalance", "prices", "reserves", "trade", "projects",
			"engagements");

	/** {@code ?tab=foodbalance} opens that tab, so a link can point at it. */
	@GetMapping("/countries/{iso3}")
	String show(@PathVariable String iso3, @RequestParam(required = false) String tab, Model model) {
		Country country = countries.find(iso3).orElseThrow(() -> new NotFoundException("country", iso3));
		model.addAttribute("country", country);
		model.addAttribute("tabs", TABS);
		model.addAttribute("tab", tab != null && TABS.contains(tab) ? tab : "overview");
		return "countries/show";
	}

}
