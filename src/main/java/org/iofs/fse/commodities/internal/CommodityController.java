package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import java.text.Collator;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The commodities list and the commodity page. */
@Controller
class CommodityController {

	private final Commodities commodities;

	CommodityController(Commodities commodities) {
		this.commodities = commodities;
	}

	@GetMapping("/commodities")
	String list(Locale locale, Model model) {
		Comparator<Commodity> byName = Comparator.comparing(c -> c.name(locale), Collator.getInstance(locale));
		model.addAttribute("commodities", commodities.ofKind(CommodityKind.COMMODITY).stream().sorted(byName).toList());
		model.addAttribute("groups", commodities.ofKind(CommodityKind.GROUP).stream().sorted(byName).toList());
		return "commodities/list";
	}

	/** The commodity catalogue as CSV or XLSX, names in the reader's language. */
	@GetMapping("/commodities.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String format, Locale locale) {
		List<List<Object>> rows = commodities.all()
			.stream()
			.map(c -> List.<Object>of(c.code(), c.kind().name(), c.name(locale), c.hs2022Heading(),
					join(c.qclItemCodes()), join(c.fbsItemCodes()), c.kcalPerKg() == null ? "" : c.kcalPerKg(),
					c.foodGroup() == null ? "" : c.foodGroup()))
			.toList();
		return TableDownload.of("commodities", TableDownload.format(format),
				List.of("code", "kind", "name", "hs2022_heading", "qcl_item_codes", "fbs_item_codes", "kcal_per_kg",
						"food_group"),
				rows);
	}

	private static String join(List<Integer> codes) {
		return codes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(";"));
	}

	@GetMapping("/commodities/{code}")
	String show(@PathVariable String code, Model model) {
		Commodity commodity = commodities.find(code).orElseThrow(() -> new NotFoundException("commodity", code));
		model.addAttribute("commodity", commodity);
		model.addAttribute("members", commodities.membersOf(commodity.code()));
		model.addAttribute("group", commodity.foodGroup() == null ? null
				: commodities.find(commodity.foodGroup()).orElse(null));
		return "commodities/show";
	}

}
