package org.iofs.fse.rotation.internal;

import java.math.BigDecimal;
import java.util.List;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rotation of a hub's lots on its page: the section (loaded into the hub page) and the form that puts a lot on
 * the board.
 */
@Controller
class RotationController {

	private final Rotations rotations;

	private final HubStock stock;

	private final Hubs hubs;

	private final Commodities commodities;

	RotationController(Rotations rotations, HubStock stock, Hubs hubs, Commodities commodities) {
		this.rotations = rotations;
		this.stock = stock;
		this.hubs = hubs;
		this.commodities = commodities;
	}

	@GetMapping("/hubs/{code}/rotation")
	String section(@PathVariable String code, Model model) {
		Hubs.Hub hub = hubs.get(code);
		List<Rotations.Rotation> rotated = rotations.ofHub(hub.code());
		model.addAttribute("hub", hub);
		model.addAttribute("rotations", rotated);
		model.addAttribute("readable", stock.mayReadLedger(hub.code()));
		model.addAttribute("hasDesk", rotations.hasDesk(hub.code()));
		model.addAttribute("candidates", stock.mayReadLedger(hub.code()) ? stock.expiryAlerts(hub.code()).stream()
			.filter(a -> rotated.stream().noneMatch(r -> r.lotId() == a.lotId())).toList() : List.of());
		model.addAttribute("commodityIndex", commodities.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c)));
		return "rotation/section :: rotation";
	}

	@PostMapping("/hubs/{code}/lots/{lot:[0-9]+}/rotation")
	String offerFromPage(@PathVariable String code, @PathVariable long lot,
			@RequestParam(required = false) BigDecimal pricePerTonne, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> rotations.offer(code, lot, pricePerTonne),
				offered -> "/hubs/" + code + "#rotation", "/hubs/" + code + "#rotation", redirect);
	}

}
