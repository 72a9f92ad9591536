package org.iofs.fse.prices.internal;

import org.iofs.fse.prices.PriceFixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumer price indices are imported like prices, and the indicators can run on prices deflated by them. */
class DeflatedPricesIT extends PlatformIT {

	static final YearMonth LAST = YearMonth.of(2023, 12);

	@Test
	void indicesImportOnceAndDeflateThePricesTheIndicatorsUse() {
		String analyst = bearer("t.analyst");
		http.postFile("/api/v1/imports/wfp-prices?country=TCD", "tcd.csv",
				PriceFixtures.fiveYears("Fixture market TCD", "Sorghum", "XAF", LAST).getBytes(StandardCharsets.UTF_8),
				"Authorization", analyst);
		StringBuilder cpi = new StringBuilder("country,month,value,source\n");
		for (int i = 0; i < 60; i++) {
			cpi.append("TCD,").append(LAST.minusMonths(59 - i)).append(',')
				.append(String.format(Locale.ROOT, "%.4f", 100 * Math.pow(1.01, i))).append(",test index\n");
		}

		HttpResponse<String> first = http.postFile("/api/v1/imports/cpi", "cpi.csv",
				cpi.toString().getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		HttpResponse<String> again = http.postFile("/api/v1/imports/cpi", "cpi.csv",
				cpi.toString().getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		HttpResponse<String> broken = http.postFile("/api/v1/imports/cpi", "cpi-bad.csv",
				"country,month,value\nTCD,2023-13,100\nUSA,2023-01,100\nTCD,2023-01,-1\n".getBytes(StandardCharsets.UTF_8),
				"Authorization", analyst);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(((Number) JsonPath.read(first.body(), "$.inserted")).longValue()).isEqualTo(60);
		assertThat((String) JsonPath.read(again.body(), "$.outcome")).isEqualTo("UNCHANGED");
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat((List<Integer>) JsonPath.read(broken.body(), "$.problems[*].line")).containsExactly(2, 3, 4);

		long series = jdbc.sql("""
				SELECT s.id FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.name = 'Fixture market TCD'
				""").query(Long.class).single();
		SeriesIndicators indicators = context.getBean(SeriesIndicators.class);
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			indicators.recompute(List.of(series), IndicatorSettings.Input.DEFLATED);
			BigDecimal nominal = jdbc.sql("SELECT price FROM prices.observation WHERE series_id = :s AND month = '2023-12-01'")
				.param("s", series).query(BigDecimal.class).single();
			BigDecimal deflated = jdbc.sql("SELECT price FROM prices.series_month WHERE series_id = :s AND month = '2023-12-01'")
				.param("s", series).query(BigDecimal.class).single();
			BigDecimal index = BigDecimal.valueOf(100 * Math.pow(1.01, 59)).setScale(4, RoundingMode.HALF_UP);
			assertThat(deflated).isEqualByComparingTo(nominal.multiply(BigDecimal.valueOf(100)).divide(index, 4,
					RoundingMode.HALF_UP));
			assertThat(jdbc.sql("SELECT count(*) FROM prices.series_month WHERE series_id = :s AND ipa IS NOT NULL")
				.param("s", series).query(Long.class).single()).isPositive();
			status.setRollbackOnly();
		});
	}

}
