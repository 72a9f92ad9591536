package org.iofs.fse.foodbalance.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The national entry grid (a focal point edits, saves and submits; the checks run as they type) and the
 * Secretariat's review (validate and publish, or return with a comment).
 */
@Controller
class EntryController {

	private static final Pattern CELL = Pattern.compile("v_(\\d+)_(\\d+)");

	private final NationalEntry entry;

	private final Commodities commodities;

	private final org.iofs.fse.countries.Countries countries;

	EntryController(NationalEntry entry, Commodities commodities, org.iofs.fse.countries.Countries countries) {
		this.countries = countries;
		this.entry = entry;
		this.commodities = commodities;
	}

	@GetMapping("/countries/{iso3}/food-balance/entry")
	String grid(@PathVariable String iso3, @RequestParam(required = false) Integer year, Model model) {
		if (year == null) {
			// An address without a year (a link, a bookmark) opens the year the country is working on.
			return "redirect:/countries/" + iso3 + "/food-balance/entry?year=" + entry.latestOpenYear(iso3);
		}
		return page(entry.open(iso3, year), model);
	}

	@PostMapping("/countries/{iso3}/food-balance/entry")
	String save(@PathVariable String iso3, @RequestParam int year, @RequestParam Map<String, String> form,
			@RequestParam(defaultValue = "save") String step, RedirectAttributes redirect) {
		try {
			DraftSheet saved = entry.save(iso3, year, cells(form));
			if ("submit".equals(step)) {
				saved = entry.submit(iso3, year);
			}
			return "redirect:/countries/" + saved.country() + "/food-balance/entry?year=" + year;
		}
		catch (InvalidInputException ex) {
			return refused(iso3, year, ex, redirect);
		}
	}

	@PostMapping("/countries/{iso3}/food-balance/entry/validate")
	String validate(@PathVariable String iso3, @RequestParam int year, RedirectAttributes redirect) {
		try {
			DraftSheet sheet = entry.validate(iso3, year);
			return "redirect:/countries/" + sheet.country() + "/food-balance/entry?year=" + year;
		}
		catch (InvalidInputException ex) {
			return refused(iso3, year, ex, redirect);
		}
	}

	@PostMapping("/countries/{iso3}/food-balance/entry/return")
	String returnToCountry(@PathVariable String iso3, @RequestParam int year, @RequestParam String comment,
			RedirectAttributes redirect) {
		try {
			DraftSheet sheet = entry.returnToCountry(iso3, year, comment);
			return "redirect:/countries/" + sheet.country() + "/food-balance/entry?year=" + year;
		}
		catch (InvalidInputException ex) {
			return refused(iso3, year, ex, redirect);
		}
	}

	/**
	 * A refused step goes back to the sheet with its reason (post, redirect, get): reloading or switching the
	 * language never posts the sheet again nor lands on an address that only takes forms.
	 */
	private static String refused(String iso3, int year, InvalidInputException reason, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", reason);
		return "redirect:/countries/" + iso3 + "/food-balance/entry?year=" + year;
	}

	@GetMapping("/food-balance/review")
	String review(Model model) {
		model.addAttribute("sheets", entry.submitted());
		model.addAttribute("memberIndex", countries.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.iso3(), c -> c)));
		return "foodbalance/review";
	}

	private String page(DraftSheet sheet, Model model) {
		Map<Integer, Commodity> byItem = new LinkedHashMap<>();
		for (Commodity commodity : commodities.all()) {
			if (!commodity.fbsItemCodes().isEmpty() && sheet.items().contains(commodity.fbsItemCodes().get(0))) {
				byItem.put(commodity.fbsItemCodes().get(0), commodity);
			}
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("member", countries.get(sheet.country()));
		model.addAttribute("commodityOf", byItem);
		model.addAttribute("elements", NationalEntry.ELEMENTS);
		return "foodbalance/entry";
	}

	/** Reads the grid's cells, named v_ITEM_ELEMENT; an empty cell is no value, anything else must be a number. */
	static Map<Integer, Map<Integer, BigDecimal>> cells(Map<String, String> form) {
		Map<Integer, Map<Integer, BigDecimal>> values = new TreeMap<>();
		form.forEach((name, text) -> {
			Matcher cell = CELL.matcher(name);
			if (!cell.matches() || text == null || text.isBlank()) {
				return;
			}
			try {
				values.computeIfAbsent(Integer.valueOf(cell.group(1)), k -> new TreeMap<>())
					.put(Integer.valueOf(cell.group(2)), new BigDecimal(text.strip()));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException(name, "'" + text + "' is not a number");
			}
		});
		return values;
	}

}
