package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.trade.TradeFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's kept answers never hide a change made through the platform: an offer published, taken, withdrawn, or
 * its company suspended and verified again shows on the very next board read. An answer is kept between changes (a
 * change made behind the platform's back, in the database, does not show until the next change), and a question
 * asked again is answered from what is kept.
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
				""".formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(70), WORD), "Authorization", seller)
			.body(), "$.id")).longValue();
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
		assertThat(board()).as("verified again, and the change in the database read").containsExactly(List.of(offer, 55.0));

		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/withdraw", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
		assertThat(board()).as("withdrawn").isEmpty();
		assertThat(pageRow(offer)).as("the board page asks the same").isEmpty();
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
