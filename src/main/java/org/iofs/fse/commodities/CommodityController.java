package org.iofs.fse.commodities;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import org.iofs.fse.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The commodities list and the commodity page. */
@Controller
@RequestMapping("/commodities")
class CommodityController {

	private final Commodities commodities;

	CommodityController(Commodities commodities) {
		this.commodities = commodities;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		Comparator<Commodity> byName = Comparator.comparing(c -> c.name(locale), Collator.getInstance(locale));
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY).stream().sorted(byName).toList());
		model.addAttribute("groups", commodities.ofKind(CommodityKind.GROUP).stream().sorted(byName).toList());
		return "commodities/list";
	}

	@GetMapping("/{code}")
	String show(@PathVariable String code, Model model) {
		Commodity commodity = commodities.find(code).orElseThrow(() -> new NotFoundException("commodity", code));
		model.addAttribute("commodity", commodity);
		model.addAttribute("members", commodities.membersOf(commodity.code()));
		model.addAttribute("group", commodity.foodGroup() == null ? null
				: commodities.find(commodity.foodGroup()).orElse(null));
		return "commodities/show";
	}

}
