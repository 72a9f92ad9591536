package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/commodities")
@Tag(name = "Commodities", description = "Strategic commodities and food-balance groups (public reference data)")
class CommodityApiController {

	private final Commodities commodities;

	CommodityApiController(Commodities commodities) {
		this.commodities = commodities;
	}

	@GetMapping
	@Operation(summary = "List the commodities and food-balance groups, or find the one a FAOSTAT item code stands for")
	List<Commodity> list(
			@Parameter(description = "FAOSTAT food balance (FBS) item code, for example 2807")
			@RequestParam(required = false) Integer fbsItem,
			@Parameter(description = "FAOSTAT production (QCL) item code, for example 15")
			@RequestParam(required = false) Integer qclItem) {
		if (fbsItem != null) {
			return commodities.byFaostatItem(FaostatDomain.FBS, fbsItem).map(List::of).orElse(List.of());
		}
		if (qclItem != null) {
			return commodities.byFaostatItem(FaostatDomain.QCL, qclItem).map(List::of).orElse(List.of());
		}
		return commodities.all();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One commodity or group by its code, for example wheat or palm_oil")
	Commodity get(@Parameter(description = "Commodity code") @PathVariable String code) {
		return commodities.get(code);
	}

	@GetMapping("/by-faostat-item/{domain}/{itemCode}")
	@Operation(summary = "The commodity a FAOSTAT item code stands for (rice answers to FBS 2805 and 2807)")
	Commodity byFaostatItem(@Parameter(description = "QCL or FBS") @PathVariable FaostatDomain domain,
			@PathVariable int itemCode) {
		return commodities.byFaostatItem(domain, itemCode)
			.orElseThrow(() -> new NotFoundException("FAOSTAT " + domain + " item", String.valueOf(itemCode)));
	}

}
