package org.iofs.fse.prices.internal;

import org.iofs.fse.commodities.Commodities;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators map the commodity names price sources use to the platform's commodities. */
@Controller
class CommodityMappingController {

	private final CommodityMapping mapping;

	private final Commodities commodities;

	CommodityMappingController(CommodityMapping mapping, Commodities commodities) {
		this.mapping = mapping;
		this.commodities = commodities;
	}

	@GetMapping("/admin/price-commodities")
	String page(@RequestParam(required = false) String saved, Model model) {
		model.addAttribute("sources", mapping.all());
		model.addAttribute("commodities", commodities.all());
		model.addAttribute("saved", saved);
		return "prices/mapping";
	}

	@PostMapping("/admin/price-commodities/{id}")
	String map(@PathVariable int id, @RequestParam(required = false) String commodity) {
		mapping.map(id, commodity);
		return "redirect:/admin/price-commodities?saved=" + id;
	}

}
