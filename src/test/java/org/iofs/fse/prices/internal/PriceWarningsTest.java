package org.iofs.fse.prices.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.iofs.fse.prices.indicators.PriceSpikes.Band;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's warning: per commodity, its national average or the band a third of its markets are in. */
class PriceWarningsTest {

	@Test
	void oneMarketInCrisisAmongNineIsNotANationalCrisisButFourOfNineInAlertAre() {
		List<PriceWarnings.Latest> current = new ArrayList<>();
		for (int market = 1; market <= 9; market++) {
			current.add(new PriceWarnings.Latest("SOM", "sorghum", market, false, market == 1 ? Band.CRISIS : Band.NORMAL));
			Band wheat = market <= 4 ? Band.ALERT : Band.NORMAL;
			current.add(new PriceWarnings.Latest("YEM", "wheat", market, false, wheat));
		}

		List<PriceWarnings.MemberWarning> warnings = PriceWarnings.of(current, Set.of("SOM", "YEM"), 1.0 / 3);

		PriceWarnings.MemberWarning somalia = warnings.stream().filter(w -> w.country().equals("SOM")).findFirst().orElseThrow();
		PriceWarnings.MemberWarning yemen = warnings.stream().filter(w -> w.country().equals("YEM")).findFirst().orElseThrow();
		assertThat(somalia.level()).isEqualTo(Band.NORMAL);
		assertThat(yemen.level()).isEqualTo(Band.ALERT);
		assertThat(yemen.commodities()).singleElement().satisfies(c -> {
			assertThat(c.marketsAtLevel()).isEqualTo(4);
			assertThat(c.markets()).isEqualTo(9);
		});
	}

	@Test
	void theNationalAverageSpeaksForItsCommodityAndTheWorstCommodityForTheMember() {
		List<PriceWarnings.Latest> current = List.of(
				new PriceWarnings.Latest("AFG", "wheat", 1, true, Band.STRESS),
				new PriceWarnings.Latest("AFG", "wheat", 2, false, Band.CRISIS),
				new PriceWarnings.Latest("AFG", "rice", 3, false, Band.CRISIS),
				new PriceWarnings.Latest("AFG", "rice", 3, false, Band.NORMAL));

		PriceWarnings.MemberWarning afghanistan = PriceWarnings.of(current, Set.of("AFG"), 1.0 / 3).get(0);

		assertThat(afghanistan.level()).isEqualTo(Band.CRISIS);
		assertThat(afghanistan.commodities()).extracting(PriceWarnings.CommodityWarning::commodity)
			.containsExactly("rice", "wheat");
		assertThat(afghanistan.commodities().get(1).nationalAverage()).isTrue();
		assertThat(afghanistan.commodities().get(1).level()).isEqualTo(Band.STRESS);
	}

	@Test
	void aMemberWhosePricesAreAllOldHasNoLevel() {
		List<PriceWarnings.MemberWarning> warnings = PriceWarnings.of(List.of(), Set.of("TCD"), 1.0 / 3);

		assertThat(warnings).singleElement().satisfies(w -> {
			assertThat(w.country()).isEqualTo("TCD");
			assertThat(w.level()).isNull();
		});
	}

}
