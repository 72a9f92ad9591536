package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reserve hubs", description = "Hubs, their stock of lots and the stock ledger; movements by the hub's operators")
class HubsApiController {

	/** An issue: from one lot, or a quantity of a commodity picked first expiry first out. */
	record IssueRequest(Long lotId, String commodity, BigDecimal tonnes, String reference) {
	}

	record TransferRequest(Long lotId, BigDecimal tonnes, String toHub, String reference) {
	}

	record AdjustmentRequest(Long lotId, BigDecimal tonnes, String reason, Boolean loss) {
	}

	record ReversalRequest(String reason) {
	}

	record CountRequest(Long lotId, BigDecimal countedTonnes, String reason) {
	}

	record StatusRequest(String status, String reason) {
	}

	private final Hubs hubs;

	private final HubStock stock;

	private final StockLedger ledger;

	private final LotQuality lotQuality;

	private final PhysicalCounts counts;

	HubsApiController(Hubs hubs, HubStock stock, StockLedger ledger, PhysicalCounts counts, LotQuality lotQuality) {
		this.hubs = hubs;
		this.stock = stock;
		this.ledger = ledger;
		this.lotQuality = lotQuality;
		this.counts = counts;
	}

	@PostMapping("/api/v1/hubs/{code}/lots/{lotId}/status")
	@Operation(summary = "Quarantine a lot, make it available again, or commit it (not an expired lot: 409)")
	Map<String, Object> status(@PathVariable String code, @PathVariable long lotId, @RequestBody StatusRequest request) {
		return Map.of("lotId", lotId, "qualityStatus", lotQuality.setStatus(code, lotId, request.status(), request.reason()));
	}

	@PostMapping("/api/v1/hubs/{code}/counts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a physical count of a lot: the difference from the book is applied at once when small, "
			+ "otherwise it waits for a second person's approval (status PENDING)")
	PhysicalCounts.Count count(@PathVariable String code, @RequestBody CountRequest request) {
		if (request.lotId() == null) {
			throw new InvalidInputException("lotId", "is required");
		}
		return counts.record(code, request.lotId(), request.countedTonnes(), request.reason());
	}

	@GetMapping("/api/v1/hubs/{code}/counts/pending")
	@Operation(summary = "Counts waiting for approval (the hub's operators and the Secretariat)")
	List<PhysicalCounts.Count> pendingCounts(@PathVariable String code) {
		return counts.pending(code);
	}

	@PostMapping("/api/v1/hubs/{code}/counts/{id}/approve")
	@Operation(summary = "Approve a pending count (not the person who counted); its difference enters the ledger")
	PhysicalCounts.Count approveCount(@PathVariable String code, @PathVariable long id) {
		return counts.approve(code, id);
	}

	@PostMapping("/api/v1/hubs/{code}/counts/{id}/reject")
	@Operation(summary = "Reject a pending count")
	PhysicalCounts.Count rejectCount(@PathVariable String code, @PathVariable long id) {
		return counts.reject(code, id);
	}

	@GetMapping("/api/v1/hubs")
	@Operation(summary = "The distribution hubs")
	List<Hubs.Hub> all() {
		return hubs.all();
	}

	@GetMapping("/api/v1/hubs/{code}")
	@Operation(summary = "One hub")
	Hubs.Hub one(@PathVariable String code) {
		return hubs.get(code);
	}

	@GetMapping("/api/v1/hubs/{code}/stock")
	@Operation(summary = "A hub's stock on hand: per commodity (available, unavailable, capacity), and its lots "
			+ "holding stock a page at a time, first expiry first")
	HubStock.Stock stock(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + HubStock.LOT_PAGE) int size) {
		return stock.stock(code, page, size);
	}

	@GetMapping("/api/v1/hubs/{code}/ledger")
	@Operation(summary = "A hub's stock ledger, newest entry first (the hub's operators and the Secretariat)")
	PageOf<HubStock.Entry> ledger(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return stock.ledger(code, page, size);
	}

	@PostMapping("/api/v1/hubs/{code}/receipts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Receive a new lot (commodity, tonnes, grade, crop year, best-before); the answer names the lot id")
	Movement receive(@PathVariable String code, @RequestBody StockLedger.Receipt receipt) {
		return ledger.receive(code, receipt);
	}

	@PostMapping("/api/v1/hubs/{code}/issues")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue from a lot (lotId) or a commodity picked FEFO (commodity); a refusal (not enough "
			+ "stock, expired or unavailable lot) is a 409 problem detail with a reason")
	List<Movement> issue(@PathVariable String code, @RequestBody IssueRequest request) {
		if (request.lotId() != null) {
			return List.of(ledger.issue(code, request.lotId(), request.tonnes(), request.reference()));
		}
		if (request.commodity() == null) {
			throw new InvalidInputException("lotId", "or commodity is required");
		}
		return ledger.issueFefo(code, request.commodity(), request.tonnes(), request.reference());
	}

	@PostMapping("/api/v1/hubs/{code}/transfers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Move tonnes of a lot to another hub, where they become a lot with the same attributes")
	List<Movement> transfer(@PathVariable String code, @RequestBody TransferRequest request) {
		if (request.lotId() == null) {
			throw new InvalidInputException("lotId", "is required");
		}
		return ledger.transfer(code, request.lotId(), request.tonnes(), request.toHub(), request.reference());
	}

	@PostMapping("/api/v1/hubs/{code}/adjustments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Correct a lot with a reason code (positive adds, negative removes); loss=true records a loss")
	Movement adjust(@PathVariable String code, @RequestBody AdjustmentRequest request) {
		if (request.lotId() == null) {
			throw new InvalidInputException("lotId", "is required");
		}
		return ledger.adjust(code, request.lotId(), request.tonnes(), request.reason(), Boolean.TRUE.equals(request.loss()));
	}

	@PostMapping("/api/v1/hubs/{code}/ledger/{entryId}/reversal")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reverse a ledger entry with an opposite one (once; a reversal is not reversed)")
	Movement reverse(@PathVariable String code, @PathVariable long entryId, @RequestBody ReversalRequest request) {
		return ledger.reverse(code, entryId, request == null ? "" : request.reason());
	}

}
