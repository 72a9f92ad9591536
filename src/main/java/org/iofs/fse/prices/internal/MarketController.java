package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.prices.internal.PriceQueries.Market;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A market's page: where it is, its price series with their bands and charts, and, for those who may enter
 * prices for its country, the form to record a month's price.
 */
@Controller
class MarketController {

	private final Prices prices;

	private final PriceEntry entry;

	private final Countries countries;

	private final Commodities commodities;

	MarketController(Prices prices, PriceEntry entry, Countries countries, Commodities commodities) {
		this.prices = prices;
		this.entry = entry;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/markets/{id}")
	String market(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String entered,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Market market = prices.market(id);
		model.addAttribute("market", market);
		model.addAttribute("country", countries.get(market.country()));
		model.addAttribute("series", prices.series(null, null, id, page, PricesController.PAGE_SIZE));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a)));
		model.addAttribute("base", "/markets/" + id);
		model.addAttribute("mayEnter", entry.mayEnter(market.country()));
		model.addAttribute("priceTypes", PriceEntry.PRICE_TYPES);
		model.addAttribute("entered", entered);
		return htmx != null ? "prices/market :: marketPrices" : "prices/market";
	}

	@PostMapping("/markets/{id}/prices")
	String record(@PathVariable long id, @RequestParam String commodity, @RequestParam String priceType,
			@RequestParam String unit, @RequestParam String currency, @RequestParam String month,
			@RequestParam(required = false) BigDecimal price, @RequestParam(required = false) BigDecimal usdPrice,
			RedirectAttributes redirect) {
		try {
			PriceEntry.Recorded recorded = entry.record(new PriceEntry.Entry(id, commodity, priceType, unit, currency,
					month, price, usdPrice));
			return "redirect:/markets/" + id + "?entered=" + recorded.month();
		}
		catch (InvalidInputException ex) {
			// Back to the market with the reason (post, redirect, get), so that a reload never posts again.
			redirect.addFlashAttribute("error", ex);
			return "redirect:/markets/" + id;
		}
	}

}
