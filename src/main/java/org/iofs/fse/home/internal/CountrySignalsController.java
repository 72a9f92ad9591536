package org.iofs.fse.home.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The country cockpit's summary (loaded at the head of the country page, each signal linking to its tab) and the
 * country brief, the same signals and the member's facts on one page for printing, in the reader's language.
 */
@Controller
class CountrySignalsController {

	private final CountrySignals signals;

	private final Countries countries;

	private final Commodities commodities;

	CountrySignalsController(CountrySignals signals, Countries countries, Commodities commodities) {
		this.signals = signals;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/countries/{iso3}/signals")
	String summary(@PathVariable String iso3, Model model) {
		fill(iso3, model);
		return "home/signals :: signals";
	}

	@GetMapping("/countries/{iso3}/brief")
	String brief(@PathVariable String iso3, Model model) {
		fill(iso3, model);
		return "home/brief";
	}

	private void fill(String iso3, Model model) {
		Country country = countries.get(iso3);
		model.addAttribute("country", country);
		model.addAttribute("signals", signals.of(country.iso3()));
		model.addAttribute("commodityNames", commodities.all().stream()
			.collect(Collectors.toMap(Commodity::code, Function.identity())));
		model.addAttribute("countryNames", countries.all().stream()
			.collect(Collectors.toMap(Country::iso3, Function.identity())));
	}

}
