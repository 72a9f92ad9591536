package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.shared.LocalizedText;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPricesTest {

	static final YearMonth LAST = YearMonth.of(2026, 11);

	@Test
	void tenYearsOfMonthlyPricesForTwoMarketsAndFourCommodities() {
		List<PriceRow> rows = generate(country("SEN"));

		assertThat(rows).hasSize(2 * 4 * 120);
		assertThat(rows).allMatch(r -> r.price().signum() > 0 && r.currency().equals("USD"));
		assertThat(rows.stream().map(PriceRow::month).distinct()).hasSize(120).contains(LAST, LAST.minusMonths(119));
		assertThat(rows.stream().map(PriceRow::market).distinct()).containsExactlyInAnyOrder("Dakar", "Regional market");
	}

	@Test
	void isTheSameOnEveryRun() {
		assertThat(generate(country("SEN"))).isEqualTo(generate(country("SEN")));
	}

	@Test
	void theStoryIsADroughtInTheSahelAndACurrencyShockInOneMemberWhileMostReadNormal() {
		Map<String, Long> highByMember = new java.util.TreeMap<>();
		for (int i = 0; i < 57; i++) {
			String iso3 = i == 0 ? "NER" : i == 1 ? "LBN" : i == 2 ? "SEN" : "C" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
			Map<String, List<PriceRow>> bySeries = generate(country(iso3)).stream()
				.collect(Collectors.groupingBy(r -> r.market() + r.commodity()));
			long high = 0;
			for (List<PriceRow> series : bySeries.values()) {
				double[] prices = series.stream().mapToDouble(r -> r.price().doubleValue()).toArray();
				double alps = org.iofs.fse.prices.indicators.PriceSpikes.of(prices, series.get(0).month().getMonthValue(),
						new org.iofs.fse.prices.indicators.PriceSpikes.Settings(
								org.iofs.fse.prices.indicators.PriceSpikes.Fit.ALL_MONTHS,
								org.iofs.fse.prices.indicators.PriceSpikes.Scale.LEVELS)).alps()[prices.length - 1];
				high += alps >= 1 ? 1 : 0;
			}
			highByMember.put(iso3, high);
		}
		// Niger's cereals (2 commodities x 2 markets) and all of Lebanon's 8 series are in alert or crisis.
		assertThat(highByMember.get("NER")).isEqualTo(4);
		assertThat(highByMember.get("LBN")).isEqualTo(8);
		assertThat(highByMember.get("SEN")).isZero();
		assertThat(highByMember.values().stream().filter(n -> n > 0).count()).isLessThanOrEqualTo(4);
	}

	private static List<PriceRow> generate(Country country) {
		List<PriceRow> rows = new ArrayList<>();
		DemoPrices.generate(country, LAST, rows::add);
		return rows;
	}

	private static Country country(String iso3) {
		String capital = iso3.equals("SEN") ? "Dakar" : "Capital of " + iso3;
		return new Country(iso3, iso3.substring(0, 2), "000", 1, OicGroup.AFRICAN, 1969, IofsStatus.RATIFIED,
				new LocalizedText(iso3, iso3, iso3),
				new Country.Capital(new LocalizedText(capital, capital, capital), new BigDecimal("14.7"),
						new BigDecimal("-17.4")));
	}

}
