package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.trade.TradeFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iofs.fse.trade.internal.BoardOffers.search;

/**
 * The board's kept answers never hide a change made through the platform: an offer published, taken, withdrawn, or
 * its company suspended and verified again shows on the very next board read. An answer is kept between changes (a
 * change made behind the platform's back, in the database, does not show until the next change), and a question
 * asked again is answered from what is kept. An offer published alters only the kept searches that find it. Kept
 * answers written anew from changes are what the board reads from the database.
 */
class BoardAnswersIT extends PlatformIT {

	static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000b1a1");

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000b1a2");

	static final String WORD = "keptanswerprobe";

	@Test
	void everyChangeThroughThePlatformShowsOnTheNextBoardRead() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String seller = fixtures.verifiedCompany(SELLER, "t.kept-seller", "MYS", "KEPT-1");
		String buyer = fixtures.verifiedCompany(BUYER, "t.kept-buyer", "SEN", "KEPT-2");
		String analyst = "Bearer " + TestAccounts.token(http, "t.analyst");
		long offer = ((Number) JsonPath.read(http.postJson("/api/v1/trade/offers", """
				{"side": "SELL", "commodity": "wheat", "grade": "GRADE_2", "quantityTonnes": 100, "minOrderTonnes": 10,
				 "pricePerTonne": 250, "currency": "USD", "incoterm": "FOB", "incotermPlace": "Port Klang",
				 "origin": "MYS", "deliveryFrom": "%s", "deliveryUntil": "%s", "specification": "%s"}
				""".formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(70), WORD),
				"Authorization", seller).body(), "$.id")).longValue();
		BoardAnswers answers = context.getBean(BoardAnswers.class);

		assertThat(board()).as("a draft is not on the board").isEmpty();
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
		assertThat(board()).as("published").containsExactly(List.of(offer, 100.0));
		assertThat(pageRow(offer)).as("the board page").contains(">100<");
		assertThat(answers.size()).as("the answer is kept").isPositive();

		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 40}", "Authorization", buyer)
			.statusCode()).isEqualTo(201);
		assertThat(board()).as("taken in part").containsExactly(List.of(offer, 60.0));
		assertThat(pageRow(offer)).as("the board page's row written again").contains(">60<");

		// Behind the platform's back: the kept answer stands until the next change.
		jdbc.sql("UPDATE trade.offer SET open_tonnes = 55 WHERE id = :id").param("id", offer).update();
		assertThat(board()).as("kept").containsExactly(List.of(offer, 60.0));

		assertThat(http.postJson("/api/v1/trade/companies/" + SELLER + "/suspend", "{\"note\": \"probe\"}",
				"Authorization", analyst).statusCode()).isEqualTo(200);
		assertThat(answers.size()).as("forgotten").isZero();
		assertThat(board()).as("its company suspended").isEmpty();
		assertThat(http.postJson("/api/v1/trade/companies/" + SELLER + "/verify", "{}", "Authorization", analyst)
			.statusCode()).isEqualTo(200);
		assertThat(board()).as("verified again, and the change in the database read")
			.containsExactly(List.of(offer, 55.0));

		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/withdraw", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
		assertThat(board()).as("withdrawn").isEmpty();
		assertThat(pageRow(offer)).as("the board page asks the same").isEmpty();
	}

	@Test
	void anOfferPublishedForgetsOnlyTheKeptSearchesThatFindIt() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String seller = fixtures.verifiedCompany(UUID.fromString("00000000-0000-0000-0000-00000000b1a3"),
				"t.kept-seller-2", "NGA", "KEPT-3");
		long offer = ((Number) JsonPath.read(http.postJson("/api/v1/trade/offers", """
				{"side": "SELL", "commodity": "sorghum", "grade": "GRADE_2", "quantityTonnes": 100,
				 "minOrderTonnes": 10, "pricePerTonne": 250, "currency": "USD", "incoterm": "FOB",
				 "incotermPlace": "Lagos", "origin": "NGA", "deliveryFrom": "%s", "deliveryUntil": "%s",
				 "specification": "findprobe"}
				""".formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(70)), "Authorization", seller)
			.body(), "$.id")).longValue();
		BoardAnswers answers = context.getBean(BoardAnswers.class);
		// A word of its specification, its named place, its commodity's French name, and a word it does not hold.
		List<Offers.BoardFilter> finding = Stream.of("findprobe", "LAGOS", "sorgho").map(BoardOffers::search)
			.toList();
		Offers.BoardFilter other = search("otherprobe");
		finding.forEach(filter -> answers.page(filter, 0, 50));
		var kept = answers.page(other, 0, 50);

		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
		for (Offers.BoardFilter filter : finding) {
			assertThat(answers.page(filter, 0, 50).items()).as(filter.query()).extracting(Offers.Offer::id)
				.contains(offer);
		}
		assertThat(answers.page(other, 0, 50)).as("a search that does not find it is kept").isSameAs(kept);
	}

	@Test
	void theKeptAnswersAreTheBoardsAfterEveryKindOfChange() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String seller = fixtures.verifiedCompany(UUID.fromString("00000000-0000-0000-0000-00000000b1a4"),
				"t.kept-seller-3", "EGY", "KEPT-4");
		String buyer = fixtures.verifiedCompany(UUID.fromString("00000000-0000-0000-0000-00000000b1a5"),
				"t.kept-buyer-3", "PAK", "KEPT-5");
		BoardAnswers answers = context.getBean(BoardAnswers.class);
		Board board = context.getBean(Board.class);
		List<Offers.BoardFilter> filters = List.of(new Offers.BoardFilter(null, null, null, null),
				new Offers.BoardFilter("SELL", null, null, null), new Offers.BoardFilter("SELL", "wheat", null, null),
				new Offers.BoardFilter("BUY", "wheat", null, "CIF"), new Offers.BoardFilter(null, null, "EGY", null),
				new Offers.BoardFilter(null, null, null, null, "EGY", null), search("sameprobe"), search("wheat"));
		Runnable same = () -> {
			for (Offers.BoardFilter filter : filters) {
				for (int page = 0; page < 2; page++) {
					assertThat(shown(answers.page(filter, page, 3))).as(filter + ", page " + page)
						.isEqualTo(shown(board.page(filter, page, 3)));
				}
			}
		};
		same.run();
		long wheat = publish(seller, "SELL", "wheat", "FOB");
		same.run();
		long buying = publish(buyer, "BUY", "wheat", "CIF");
		long maize = publish(seller, "SELL", "maize", "CIF");
		same.run();
		take(buyer, wheat, 30);
		same.run();
		take(buyer, maize, 100);
		same.run();
		assertThat(http.postJson("/api/v1/trade/offers/" + buying + "/withdraw", "{}", "Authorization", buyer)
			.statusCode()).isEqualTo(200);
		same.run();
	}

	private long publish(String company, String side, String commodity, String incoterm) {
		long id = ((Number) JsonPath.read(http.postJson("/api/v1/trade/offers", """
				{"side": "%s", "commodity": "%s", "grade": "GRADE_2", "quantityTonnes": 100, "minOrderTonnes": 10,
				 "pricePerTonne": 250, "currency": "USD", "incoterm": "%s", "incotermPlace": "Alexandria",
				 "origin": "EGY", "deliveryFrom": "%s", "deliveryUntil": "%s", "specification": "sameprobe"}
				""".formatted(side, commodity, incoterm, LocalDate.now().plusDays(10), LocalDate.now().plusDays(70)),
				"Authorization", company).body(), "$.id")).longValue();
		assertThat(http.postJson("/api/v1/trade/offers/" + id + "/publish", "{}", "Authorization", company)
			.statusCode()).isEqualTo(200);
		return id;
	}

	private void take(String company, long offer, int tonnes) {
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": " + tonnes + "}",
				"Authorization", company).statusCode()).isEqualTo(201);
	}

	/** What a reader sees of a board page: each offer's key, open tonnes and status, and the count. */
	private static List<Object> shown(PageOf<Offers.Offer> answer) {
		return List.of(answer.items().stream()
			.map(o -> o.id() + " " + o.openTonnes().stripTrailingZeros().toPlainString() + " " + o.status())
			.toList(), answer.totalItems());
	}

	/** The offer's row on the board page for the probe's word, or nothing. */
	private String pageRow(long offer) {
		String page = http.get("/trade?q=" + WORD).body();
		int start = page.indexOf("data-offer=\"" + offer + "\"");
		return start < 0 ? "" : page.substring(start, page.indexOf("</tr>", start));
	}

	/** The board's answer to the probe's word: each offer's id and open tonnes. */
	private List<List<Object>> board() {
		String body = http.get("/api/v1/trade/offers?q=" + WORD).body();
		List<Number> ids = JsonPath.read(body, "$.items[*].id");
		List<Number> open = JsonPath.read(body, "$.items[*].openTonnes");
		return java.util.stream.IntStream.range(0, ids.size())
			.mapToObj(i -> List.<Object>of(ids.get(i).longValue(), open.get(i).doubleValue()))
			.toList();
	}

}
