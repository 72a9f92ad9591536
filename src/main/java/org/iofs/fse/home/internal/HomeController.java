package org.iofs.fse.home.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.platform.PlatformMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Countries countries;

	private final Commodities commodities;

	private final PlatformMode mode;

	HomeController(Countries countries, Commodities commodities, PlatformMode mode) {
		this.countries = countries;
		this.commodities = commodities;
		this.mode = mode;
	}

	@GetMapping("/")
	String home(Model model) {
		var byGroup = countries.countByGroup();
		var byStatus = countries.countByIofsStatus();
		model.addAttribute("memberCount", byGroup.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("groups", OicGroup.values());
		model.addAttribute("countByGroup", byGroup);
		model.addAttribute("statuses", IofsStatus.values());
		model.addAttribute("countByStatus", byStatus);
		model.addAttribute("commodityCount", commodities.ofKind(CommodityKind.COMMODITY).size());
		model.addAttribute("foodGroupCount", commodities.ofKind(CommodityKind.GROUP).size());
		model.addAttribute("referenceUpdated", Stream.of(countries.lastUpdated(), commodities.lastUpdated())
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder())
			.orElse(null));
		model.addAttribute("demoData", mode.demoData());
		return "home/index";
	}

}
