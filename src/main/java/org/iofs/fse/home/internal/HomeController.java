package org.iofs.fse.home.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.platform.PlatformMode;
import org.iofs.fse.prices.PriceSituation;
import org.iofs.fse.reserves.ReservesSituation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Countries countries;

	private final Commodities commodities;

	private final PlatformMode mode;

	private final ReservesSituation reserves;

	private final PriceSituation prices;

	private final FoodBalanceFacts balances;

	private final org.iofs.fse.engagements.OpenActions actions;

	HomeController(Countries countries, Commodities commodities, PlatformMode mode, ReservesSituation reserves,
			PriceSituation prices, FoodBalanceFacts balances, org.iofs.fse.engagements.OpenActions actions) {
		this.actions = actions;
		this.countries = countries;
		this.commodities = commodities;
		this.mode = mode;
		this.reserves = reserves;
		this.prices = prices;
		this.balances = balances;
	}

	/**
	 * What is happening, first: members with price warnings, reserve stock and how many days of food it is for the
	 * reserve's members, then, for readers they concern, release requests open and late and lots near expiry, and
	 * when data were last loaded.
	 */
	private void situation(Model model) {
		model.addAttribute("warningLevels", prices.membersByWarningLevel());
		model.addAttribute("reserveCover", ReserveCover.of(reserves.stock(), commodities.all(), balances.populations()));
		model.addAttribute("releaseCounts", reserves.releaseCounts().orElse(null));
		model.addAttribute("releaseEffects", reserves.releaseEffects().orElse(null));
		model.addAttribute("myActions", actions.mine());
		model.addAttribute("nearExpiry", reserves.lotsNearExpiry().orElse(null));
		model.addAttribute("latestPrices", prices.latestImport().orElse(null));
		model.addAttribute("latestBalances", balances.latestImport().orElse(null));
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
		situation(model);
		return "home/index";
	}

}
