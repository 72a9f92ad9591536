package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stock ledger through the API, on two test hubs: receipts, FEFO issues, refusals, transfers, adjustments,
 * reversals, the append-only ledger, the operators' scope, fifty concurrent issues from one lot, and forty concurrent
 * FEFO picks across lots.
 */
class StockLedgerIT extends PlatformIT {

	static final String HUB = "TEST-HUB";

	static final String OTHER = "TEST-HUB-2";

	String operator;

	@BeforeEach
	void hubs() {
		operator = bearer("t.hub");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('TEST-RESERVE', 'Test reserve',
				    'احتياطي الاختبار', 'Réserve test') ON CONFLICT DO NOTHING
				""").update();
		for (String hub : List.of(HUB, OTHER)) {
			jdbc.sql("""
					INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code) VALUES (:code, :code,
					    'WAREHOUSE', 'SEN', 'TEST-RESERVE') ON CONFLICT DO NOTHING
					""").param("code", hub).update();
		}
	}

	@Test
	void receiptsMakeLotsAndIssuesPickTheEarliestExpiryFirst() {
		long later = receive("sorghum", "40", LocalDate.now().plusMonths(10));
		long sooner = receive("sorghum", "25.5", LocalDate.now().plusMonths(4));

		HttpResponse<String> issued = post(HUB, "issues", "{\"commodity\": \"sorghum\", \"tonnes\": 30, \"reference\": \"test\"}");

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		assertThat((List<Integer>) JsonPath.read(issued.body(), "$[*].lotId")).containsExactly((int) sooner, (int) later);
		assertThat(onHand(sooner)).isEqualByComparingTo("0");
		assertThat(onHand(later)).isEqualByComparingTo("35.5");
		HttpResponse<String> stock = http.get("/api/v1/hubs/" + HUB + "/stock");
		assertThat(stock.statusCode()).isEqualTo(200);
		assertThat((List<Integer>) JsonPath.read(stock.body(), "$.lots.items[*].id")).contains((int) later)
			.doesNotContain((int) sooner);
	}

	@Test
	void aPickOverManyLotsTakesThemByExpiryThenIntakeWithoutSkippingAny() {
		LocalDate month = LocalDate.now().plusMonths(6);
		List<Long> fefoOrder = new ArrayList<>();
		// Twenty lots of 1 t received in an order unlike FEFO's: same best-before in pairs, intake deciding within.
		for (int i = 19; i >= 0; i--) {
			fefoOrder.add(receive("barley", "1", month.plusDays(i / 2), LocalDate.now().minusDays(10 + i % 2)));
		}
		List<Long> expected = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			expected.add(fefoOrder.get(fefoOrder.size() - 1 - (i ^ 1)));
		}

		HttpResponse<String> issued = post(HUB, "issues", "{\"commodity\": \"barley\", \"tonnes\": 17.5}");

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		List<Long> taken = ((List<Integer>) JsonPath.read(issued.body(), "$[*].lotId")).stream().map(Long::valueOf).toList();
		assertThat(taken).containsExactlyElementsOf(expected.subList(0, 18));
		assertThat(onHand(expected.get(17))).isEqualByComparingTo("0.5");
		assertThat(onHand(expected.get(18))).isEqualByComparingTo("1");
		assertThat(post(HUB, "issues", "{\"commodity\": \"barley\", \"tonnes\": 2.6}").statusCode()).isEqualTo(409);
		assertThat(post(HUB, "issues", "{\"commodity\": \"barley\", \"tonnes\": 2.5}").statusCode()).isEqualTo(201);
		assertThat(expected).allSatisfy(lot -> assertThat(onHand(lot)).isEqualByComparingTo("0"));
	}

	@Test
	void aFoodBalanceGroupIsNotStock() {
		LocalDate intake = LocalDate.now().minusDays(1);
		HttpResponse<String> cereals = post(HUB, "receipts", "{\"commodity\": \"cereals\", \"tonnes\": 10, "
				+ "\"grade\": \"GRADE_1\", \"cropYear\": " + intake.getYear() + ", \"intakeDate\": \"" + intake
				+ "\", \"bestBefore\": \"" + intake.plusYears(1) + "\"}");

		assertThat(cereals.statusCode()).as(cereals.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(cereals.body(), "$.field")).isEqualTo("commodity");
		assertThat((String) JsonPath.read(cereals.body(), "$.detail")).contains("food-balance group").contains("wheat");
	}

	@Test
	void anEmptiedLotLeavesThePickAndComesBackWhenItHoldsStockAgain() {
		long first = receive("soybeans", "1", LocalDate.now().plusMonths(3));
		long second = receive("soybeans", "5", LocalDate.now().plusMonths(8));

		HttpResponse<String> emptied = post(HUB, "issues", "{\"commodity\": \"soybeans\", \"tonnes\": 1}");
		boolean emptyHasStock = hasStock(first);
		long entry = ((Number) JsonPath.read(emptied.body(), "$[0].entryId")).longValue();
		HttpResponse<String> reversed = post(HUB, "ledger/" + entry + "/reversal", "{\"reason\": \"not loaded\"}");
		boolean refilledHasStock = hasStock(first);
		HttpResponse<String> again = post(HUB, "issues", "{\"commodity\": \"soybeans\", \"tonnes\": 0.4}");

		assertThat(emptied.statusCode()).as(emptied.body()).isEqualTo(201);
		assertThat(emptyHasStock).isFalse();
		assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(201);
		assertThat(refilledHasStock).isTrue();
		assertThat(hasStock(second)).isTrue();
		assertThat((List<Integer>) JsonPath.read(again.body(), "$[*].lotId")).containsExactly((int) first);
		assertThat(onHand(first)).isEqualByComparingTo("0.6");
	}

	@Test
	void expiredQuarantinedAndShortLotsAreRefusedWithAConflict() {
		long expired = receive("millet", "10", LocalDate.now().minusDays(1), LocalDate.now().minusDays(30));
		long quarantined = receive("millet", "10", LocalDate.now().plusMonths(6));
		jdbc.sql("UPDATE reserves.lot SET quality_status = 'QUARANTINED' WHERE id = :id").param("id", quarantined).update();
		long small = receive("millet", "2", LocalDate.now().plusMonths(8));

		HttpResponse<String> fromExpired = post(HUB, "issues", "{\"lotId\": " + expired + ", \"tonnes\": 1}");
		HttpResponse<String> fromQuarantined = post(HUB, "issues", "{\"lotId\": " + quarantined + ", \"tonnes\": 1}");
		HttpResponse<String> tooMuch = post(HUB, "issues", "{\"lotId\": " + small + ", \"tonnes\": 2.001}");
		HttpResponse<String> fefo = post(HUB, "issues", "{\"commodity\": \"millet\", \"tonnes\": 3}");
		HttpResponse<String> tooPrecise = post(HUB, "issues", "{\"lotId\": " + small + ", \"tonnes\": 0.0001}");

		assertThat(fromExpired.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(fromExpired.body(), "$.reason")).isEqualTo("LOT_EXPIRED");
		assertThat((String) JsonPath.read(fromQuarantined.body(), "$.reason")).isEqualTo("LOT_NOT_AVAILABLE");
		assertThat((String) JsonPath.read(tooMuch.body(), "$.reason")).isEqualTo("INSUFFICIENT_STOCK");
		// FEFO never takes the expired or the quarantined lot: only 2 t may be issued.
		assertThat(fefo.statusCode()).isEqualTo(409);
		assertThat(tooPrecise.statusCode()).isEqualTo(400);
		assertThat(onHand(small)).isEqualByComparingTo("2");
	}

	@Test
	void aQuarantinedLotIsNotIssuedUntilItIsAvailableAgain() {
		long lot = receive("barley", "12", LocalDate.now().plusMonths(7));

		HttpResponse<String> quarantined = post(HUB, "lots/" + lot + "/status", "{\"status\": \"QUARANTINED\", \"reason\": \"insects\"}");
		HttpResponse<String> refused = post(HUB, "issues", "{\"lotId\": " + lot + ", \"tonnes\": 1}");
		post(HUB, "lots/" + lot + "/status", "{\"status\": \"AVAILABLE\", \"reason\": \"fumigated\"}");
		HttpResponse<String> issued = post(HUB, "issues", "{\"lotId\": " + lot + ", \"tonnes\": 1}");
		HttpResponse<String> expiredBack = post(HUB, "lots/" + receive("barley", "1", LocalDate.now().minusDays(1),
				LocalDate.now().minusDays(20)) + "/status", "{\"status\": \"AVAILABLE\"}");

		assertThat(quarantined.statusCode()).as(quarantined.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(refused.body(), "$.reason")).isEqualTo("LOT_NOT_AVAILABLE");
		assertThat(issued.statusCode()).isEqualTo(201);
		assertThat(expiredBack.statusCode()).isEqualTo(409);
	}

	@Test
	void fiftyConcurrentIssuesFromOneLotNeverOversell() throws Exception {
		long lot = receive("rice", "100", LocalDate.now().plusYears(1));
		List<Integer> statuses = atOnce(50, "{\"lotId\": " + lot + ", \"tonnes\": 3}");

		assertThat(statuses.stream().filter(s -> s == 201)).hasSize(33);
		assertThat(statuses.stream().filter(s -> s == 409)).hasSize(17);
		assertThat(onHand(lot)).isEqualByComparingTo("1");
		assertThat(ledgerSum(lot)).isEqualByComparingTo("1");
	}

	@Test
	void concurrentPicksAcrossLotsTakeEveryTonneOnceAndRefuseWhatIsNotThere() throws Exception {
		// Three lots of 10 t; forty picks of 4 t at once, most of them spanning two lots: seven can be had (28 t).
		List<Long> lots = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			lots.add(receive("cassava", "10", LocalDate.now().plusMonths(6 + i)));
		}
		List<Integer> statuses = atOnce(40, "{\"commodity\": \"cassava\", \"tonnes\": 4}");

		assertThat(statuses.stream().filter(s -> s == 201)).hasSize(7);
		assertThat(statuses.stream().filter(s -> s == 409)).hasSize(33);
		// First expiry first out: the first two lots are empty, the last holds what is left.
		assertThat(onHand(lots.get(0))).isEqualByComparingTo("0");
		assertThat(onHand(lots.get(1))).isEqualByComparingTo("0");
		assertThat(onHand(lots.get(2))).isEqualByComparingTo("2");
		for (long lot : lots) {
			assertThat(ledgerSum(lot)).isEqualByComparingTo(onHand(lot));
		}
	}

	@Test
	void reversalsRacingForOneEntryLeaveOneAndAnswerTheRest409() throws Exception {
		long lot = receive("wheat", "40", LocalDate.now().plusMonths(9));
		HttpResponse<String> loss = post(HUB, "adjustments", "{\"lotId\": " + lot + ", \"tonnes\": 2, \"reason\": \"MOISTURE\", \"loss\": true}");
		long lossEntry = ((Number) JsonPath.read(loss.body(), "$.entryId")).longValue();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return post(HUB, "ledger/" + lossEntry + "/reversal", "{\"reason\": \"weighed again\"}").statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}

			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
			assertThat(onHand(lot)).isEqualByComparingTo("40");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void transfersAdjustmentsAndReversalsKeepBalanceEqualToLedger() {
		long lot = receive("wheat", "50", LocalDate.now().plusMonths(9));

		HttpResponse<String> transfer = post(HUB, "transfers", "{\"lotId\": " + lot + ", \"tonnes\": 20, \"toHub\": \"" + OTHER + "\"}");
		long arrived = ((Number) JsonPath.read(transfer.body(), "$[1].lotId")).longValue();
		HttpResponse<String> loss = post(HUB, "adjustments", "{\"lotId\": " + lot + ", \"tonnes\": 0.75, \"reason\": \"MOISTURE\", \"loss\": true}");
		HttpResponse<String> badReason = post(HUB, "adjustments", "{\"lotId\": " + lot + ", \"tonnes\": 1, \"reason\": \"MAGIC\"}");
		long lossEntry = ((Number) JsonPath.read(loss.body(), "$.entryId")).longValue();
		HttpResponse<String> reversal = post(HUB, "ledger/" + lossEntry + "/reversal", "{\"reason\": \"weighed again\"}");
		HttpResponse<String> again = post(HUB, "ledger/" + lossEntry + "/reversal", "{\"reason\": \"twice\"}");
		long reversalEntry = ((Number) JsonPath.read(reversal.body(), "$.entryId")).longValue();
		HttpResponse<String> ofReversal = post(HUB, "ledger/" + reversalEntry + "/reversal", "{}");

		assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
		assertThat(onHand(arrived)).isEqualByComparingTo("20");
		assertThat(jdbc.sql("SELECT hub_code FROM reserves.lot WHERE id = :id").param("id", arrived).query(String.class).single())
			.isEqualTo(OTHER);
		assertThat(loss.statusCode()).isEqualTo(201);
		assertThat(badReason.statusCode()).isEqualTo(400);
		assertThat(reversal.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(ofReversal.statusCode()).isEqualTo(409);
		assertThat(onHand(lot)).isEqualByComparingTo("30");
		assertThat(ledgerSum(lot)).isEqualByComparingTo("30");
		assertThat(ledgerSum(arrived)).isEqualByComparingTo("20");
		assertThatThrownBy(() -> jdbc.sql("UPDATE reserves.ledger_entry SET tonnes = 1 WHERE id = :id")
			.param("id", lossEntry).update()).hasMessageContaining("append-only");
	}

	@Test
	void onlyTheHubsOperatorsMoveStockAndReadItsLedger() {
		String body = "{\"commodity\": \"maize\", \"tonnes\": 5, \"bestBefore\": \"" + LocalDate.now().plusYears(1) + "\"}";

		assertThat(http.postJson("/api/v1/hubs/" + HUB + "/receipts", body).statusCode()).isEqualTo(401);
		assertThat(http.postJson("/api/v1/hubs/" + HUB + "/receipts", body, "Authorization", bearer("t.focal.yem")).statusCode())
			.isEqualTo(403);
		assertThat(http.postJson("/api/v1/hubs/" + OTHER + "/receipts", body, "Authorization", operator).statusCode())
			.isEqualTo(403);
		assertThat(http.get("/api/v1/hubs/" + HUB + "/ledger", "Authorization", bearer("t.analyst")).statusCode()).isEqualTo(200);
		// Hidden: as if the ledger were not there.
		assertThat(http.get("/api/v1/hubs/" + HUB + "/ledger", "Authorization", bearer("t.company")).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/hubs/" + HUB + "/ledger", "Authorization", operator).statusCode()).isEqualTo(200);
		assertThat(http.get("/api/v1/hubs/NO-SUCH-HUB/stock").statusCode()).isEqualTo(404);
	}

	@Test
	void anUnknownHubOrCommodityIsNotFoundAndAddsNothing() {
		String admin = bearer("t.admin");
		long lots = jdbc.sql("SELECT count(*) FROM reserves.lot").query(Long.class).single();
		String receipt = "{\"commodity\": \"%s\", \"tonnes\": 5, \"bestBefore\": \"" + LocalDate.now().plusYears(1) + "\"}";

		HttpResponse<String> noHub = http.postJson("/api/v1/hubs/NO-SUCH-HUB/receipts", receipt.formatted("wheat"),
				"Authorization", admin);
		HttpResponse<String> noCommodity = http.postJson("/api/v1/hubs/" + HUB + "/receipts",
				receipt.formatted("unobtainium"), "Authorization", admin);
		HttpResponse<String> issueOfNothing = http.postJson("/api/v1/hubs/" + HUB + "/issues",
				"{\"commodity\": \"unobtainium\", \"tonnes\": 1}", "Authorization", admin);

		assertThat(noHub.statusCode()).as(noHub.body()).isEqualTo(404);
		assertThat(noHub.body()).contains("NO-SUCH-HUB");
		assertThat(noCommodity.statusCode()).as(noCommodity.body()).isEqualTo(404);
		assertThat(noCommodity.body()).contains("unobtainium");
		assertThat(issueOfNothing.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM reserves.lot").query(Long.class).single()).isEqualTo(lots);
	}

	private long receive(String commodity, String tonnes, LocalDate bestBefore) {
		return receive(commodity, tonnes, bestBefore, LocalDate.now().minusDays(1));
	}

	private long receive(String commodity, String tonnes, LocalDate bestBefore, LocalDate intake) {
		HttpResponse<String> response = post(HUB, "receipts", "{\"commodity\": \"" + commodity + "\", \"tonnes\": " + tonnes
				+ ", \"grade\": \"GRADE_1\", \"cropYear\": " + intake.getYear() + ", \"intakeDate\": \"" + intake
				+ "\", \"bestBefore\": \"" + bestBefore + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ((Number) JsonPath.read(response.body(), "$.lotId")).longValue();
	}

	/** The statuses of as many issues at the test hub, each on a thread of its own, sent together. */
	private List<Integer> atOnce(int issues, String body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(issues);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < issues; i++) {
				calls.add(() -> post(HUB, "issues", body).statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(calls)) {
				statuses.add(status.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

	private HttpResponse<String> post(String hub, String path, String body) {
		return http.postJson("/api/v1/hubs/" + hub + "/" + path, body, "Authorization", operator);
	}

	private BigDecimal onHand(long lot) {
		return jdbc.sql("SELECT on_hand FROM reserves.lot_balance WHERE lot_id = :id").param("id", lot)
			.query(BigDecimal.class).single();
	}

	private boolean hasStock(long lot) {
		return jdbc.sql("SELECT has_stock FROM reserves.lot WHERE id = :id").param("id", lot).query(Boolean.class).single();
	}

	private BigDecimal ledgerSum(long lot) {
		return jdbc.sql("SELECT sum(tonnes) FROM reserves.ledger_entry WHERE lot_id = :id").param("id", lot)
			.query(BigDecimal.class).single();
	}

}
