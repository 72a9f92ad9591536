package org.iofs.fse.foodbalance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Food balance", description = "Balance sheets, their checks and indicators (published data is public)")
class FoodBalanceApiController {

	private final FoodBalance foodBalance;

	FoodBalanceApiController(FoodBalance foodBalance) {
		this.foodBalance = foodBalance;
	}

	@GetMapping("/api/v1/food-balance")
	@Operation(summary = "A country's balance sheet for a year: every element with unit and flag, the supply and use checks, the indicators")
	FoodBalance.Sheet sheet(@Parameter(description = "ISO3 code, for example EGY") @RequestParam String country,
			@RequestParam int year,
			@Parameter(description = "Commodity code, for example wheat; all items when absent") @RequestParam(required = false) String commodity) {
		return foodBalance.sheet(country, year, commodity);
	}

	@GetMapping("/api/v1/indicators/{indicator}")
	@Operation(summary = "One indicator for every member state, each OIC group and the OIC (groups from summed quantities)")
	FoodBalance.IndicatorTable indicator(
			@Parameter(description = "self-sufficiency-ratio, import-dependency-ratio, cereal-import-dependency-ratio, "
					+ "food-supply-kg-per-capita, food-supply-kcal-per-capita-day, domestic-supply-kg-per-capita") @PathVariable String indicator,
			@RequestParam(required = false) String commodity, @RequestParam int year) {
		return foodBalance.indicator(indicator, commodity, year);
	}

}
