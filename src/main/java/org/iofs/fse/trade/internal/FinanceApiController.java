package org.iofs.fse.trade.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/trade/finance-requests")
@Tag(name = "IFPA trade finance", description = "Shariah-compliant finance of deals: murabaha, salam, istisna'a, ijara, musharaka; ITFC's two-step states")
class FinanceApiController {

	private final FinanceRequests finance;

	FinanceApiController(FinanceRequests finance) {
		this.finance = finance;
	}

	@GetMapping
	@Operation(summary = "The finance requests the caller may read: a buyer's own, a financier's received, all for the Secretariat")
	List<FinanceRequests.Request> list() {
		return finance.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The buyer of a contracted or shipped deal asks a financial institution to finance it under one mode and its terms; the schedule is computed and checked")
	FinanceRequests.Request request(@RequestBody FinanceRequests.NewRequest request) {
		return finance.request(request);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A finance request with its schedule, history, deal and terms, for its buyer, its financier and the Secretariat")
	FinanceRequests.View view(@PathVariable long id) {
		return finance.view(id);
	}

	@PostMapping("/{id}/{action:approve|decline|withdraw|sign|issue-guarantee|pay-supplier|confirm-delivery|start-repaying|mark-repaid|release-guarantee}")
	@Operation(summary = "One step: approve (with final terms), decline, sign (contract number, date, Shariah approval), issue-guarantee, pay-supplier, start-repaying, mark-repaid, release-guarantee by the financier; withdraw and confirm-delivery by the buyer")
	FinanceRequests.Request step(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) FinanceRequests.Step step) {
		return finance.move(id, action, step);
	}

}
