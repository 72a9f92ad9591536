package org.iofs.fse.prices.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations live as year rows in yearly partitions created ahead, without per-row foreign keys: the import keeps their
 * references whole, counts what it adds and changes exactly, and lets a file's last line win where a month
 * repeats.
 */
class ObservationStorageIT extends PlatformIT {

	private static final String HEADER = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,"
			+ "priceflag,pricetype,currency,price,usdprice\n";

	@Test
	void partitionsCoverEveryYearFrom1990ToNextYearAndTheNextOnesAreCreatedAhead() {
		int nextYear = LocalDate.now().getYear() + 1;
		assertThat(partitions()).contains("observation_year_1990", "observation_year_" + nextYear);

		ObservationPartitions partitions = context.getBean(ObservationPartitions.class);
		List<Integer> created = partitions.ensureThrough(Year.of(nextYear + 3));

		assertThat(created).containsExactly(nextYear + 1, nextYear + 2, nextYear + 3);
		assertThat(partitions.ensureThrough(Year.of(nextYear + 3))).as("created once").isEmpty();
		long series = -1;
		// A row of a year created ahead goes to its partition (rolled back: other tests read the latest months).
		String partition = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.execute(status -> {
				status.setRollbackOnly();
				jdbc.sql("""
						INSERT INTO prices.observation_year (series_id, year_start, price_flag, price, usd_price, source_user)
						VALUES (:series, make_date(:year, 1, 1), 'manual', array_fill(100000::bigint, ARRAY[12]),
						        array_fill(NULL::bigint, ARRAY[12]), array_fill('test'::text, ARRAY[12]))
						""").param("series", series).param("year", nextYear + 3).update();
				return jdbc.sql("""
						SELECT tableoid::regclass::text FROM prices.observation_year
						WHERE series_id = :series AND year_start = make_date(:year, 1, 1)
						""").param("series", series).param("year", nextYear + 3).query(String.class).single();
			});
		assertThat(partition).isEqualTo("prices.observation_year_" + (nextYear + 3));
	}

	@Test
	void anImportCountsWhatItAddsAndChangesAndTheFilesLastLineWins() {
		String analyst = bearer("t.analyst");
		String file = HEADER
				+ "2021-01-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,200,0.36\n"
				+ "2021-02-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,210,0.38\n"
				// February again, later in the file: this price is the one kept.
				+ "2021-02-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,215,0.39\n";
		HttpResponse<String> first = http.postFile("/api/v1/imports/wfp-prices?country=BFA", "storage.csv",
				file.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(number(first, "$.inserted")).isEqualTo(2);
		assertThat(price("2021-02-01")).isEqualTo("215.0000");

		String changed = HEADER
				+ "2021-01-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,200,0.36\n"
				+ "2021-02-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,220,0.40\n"
				+ "2021-03-15,Nord,Storage,Storage market,12.3,-1.5,cereals and tubers,Millet,KG,actual,Retail,XOF,230,0.41\n";
		HttpResponse<String> second = http.postFile("/api/v1/imports/wfp-prices?country=BFA", "storage.csv",
				changed.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);

		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(number(second, "$.inserted")).as("March").isEqualTo(1);
		assertThat(number(second, "$.updated")).as("February").isEqualTo(1);
		assertThat(number(second, "$.unchanged")).as("January").isEqualTo(1);
		assertThat(price("2021-02-01")).isEqualTo("220.0000");
		// The series' indicator months are one row, the latest month's values beside them for lists and the map.
		assertThat(jdbc.sql("""
				SELECT i.latest_month::text || ' ' || i.latest_price::text || ' ' || i.previous_price::text
				       || ' ' || cardinality(i.month)
				FROM prices.series_indicator i JOIN prices.series s ON s.id = i.series_id
				JOIN prices.market m ON m.id = s.market_id WHERE m.name = 'Storage market'
				""").query(String.class).single()).isEqualTo("2021-03-01 230.0000 220.0000 3");
		assertThat(jdbc.sql("""
				SELECT string_agg(v.price::text, ' ' ORDER BY v.month) FROM prices.series_month v
				JOIN prices.series s ON s.id = v.series_id JOIN prices.market m ON m.id = s.market_id
				WHERE m.name = 'Storage market'
				""").query(String.class).single()).isEqualTo("200.0000 220.0000 230.0000");
	}

	@Test
	void theMonthsNameTheirBandsAsTheLatestMonthDoes() {
		// The months keep a band as its position in its list, the latest month by name: they must agree.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM prices.series_indicator i
				JOIN prices.series_month v ON v.series_id = i.series_id AND v.month = i.latest_month
				WHERE v.alps_band IS DISTINCT FROM i.latest_alps_band OR v.ipa_band IS DISTINCT FROM i.latest_ipa_band
				   OR v.alps IS DISTINCT FROM round(i.latest_alps, 4) OR v.price IS DISTINCT FROM round(i.latest_price, 4)
				""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(DISTINCT latest_alps_band) FROM prices.series_indicator")
			.query(Long.class).single()).as("demo series in several bands").isGreaterThan(1);
	}

	@Test
	void aFileThatAddsUpToWhatAnImportKeptIsComparedWithoutReadingTheStoredPrices() {
		String analyst = bearer("t.analyst");
		String file = HEADER
				+ "2022-01-15,Nord,Fingerprint,Fingerprint market,12.3,-1.5,cereals and tubers,Sorghum,KG,actual,Retail,XOF,300,0.50\n"
				+ "2022-02-15,Nord,Fingerprint,Fingerprint market,12.3,-1.5,cereals and tubers,Sorghum,KG,actual,Retail,XOF,310,\n"
				+ "2022-03-15,Nord,Fingerprint,Fingerprint market,12.3,-1.5,cereals and tubers,Sorghum,KG,aggregate,Retail,XOF,320.00004,0.53\n";
		assertThat(number(upload(analyst, file), "$.inserted")).isEqualTo(3);
		Long kept = fingerprint();
		assertThat(kept).as("kept when one import wrote every imported price").isNotNull();

		HttpResponse<String> again = upload(analyst, file);
		assertThat((String) JsonPath.read(again.body(), "$.outcome")).isEqualTo("UNCHANGED");
		assertThat(number(again, "$.unchanged")).isEqualTo(3);
		assertThat(fingerprint()).isEqualTo(kept);

		// One price differs: the series' rows are compared, the change is written, and the kept sum is forgotten.
		String changed = file.replace(",310,", ",311,");
		HttpResponse<String> third = upload(analyst, changed);
		assertThat(number(third, "$.updated")).isEqualTo(1);
		assertThat(number(third, "$.unchanged")).isEqualTo(2);
		assertThat(fingerprint()).isNull();
		HttpResponse<String> fourth = upload(analyst, changed);
		assertThat((String) JsonPath.read(fourth.body(), "$.outcome")).isEqualTo("UNCHANGED");
		// The first file again: February goes back to 310, found by comparing the rows.
		assertThat(number(upload(analyst, file), "$.updated")).isEqualTo(1);
	}

	private HttpResponse<String> upload(String analyst, String file) {
		HttpResponse<String> response = http.postFile("/api/v1/imports/wfp-prices?country=NER", "fingerprint.csv",
				file.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Long fingerprint() {
		return jdbc.sql("""
				SELECT s.import_fingerprint FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.name = 'Fingerprint market'
				""").query((rs, n) -> (Long) rs.getObject(1)).list().get(0);
	}

	@Test
	void theIndicatorsOfANewSeriesAreThoseItsStoredPricesGive() {
		StringBuilder file = new StringBuilder(HEADER);
		String row = "%s-15,Nord,AtHand,At-hand market,12.3,-1.5,cereals and tubers,Maize,KG,%s,Retail,XOF,%s,\n";
		for (int m = 0; m < 48; m++) {
			if (m == 20 || m == 21 || m == 30 || m == 31 || m == 32) {
				continue; // a short gap (interpolated) and a long one (a new run)
			}
			java.time.YearMonth month = java.time.YearMonth.of(2019, 1).plusMonths(m);
			double price = 100 + 10 * Math.sin(m / 2.0) + m + (m == 45 ? 40 : 0);
			file.append(row.formatted(month, "actual", String.format(java.util.Locale.ROOT, "%.5f", price)));
			if (m % 7 == 0) {
				// an aggregate of the same month, which the actual price outranks
				file.append(row.formatted(month, "aggregate", "999"));
			}
			if (m == 40) {
				// the same month and flag again, later in the file: this price is the one stored
				file.append(row.formatted(month, "actual", "150"));
			}
		}
		HttpResponse<String> response = http.postFile("/api/v1/imports/wfp-prices?country=TCD", "at-hand.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), "Authorization", bearer("t.analyst"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		long series = jdbc.sql("""
				SELECT s.id FROM prices.series s JOIN prices.market m ON m.id = s.market_id WHERE m.name = 'At-hand market'
				""").query(Long.class).single();
		String computedOnImport = indicatorMonths(series);
		assertThat(computedOnImport).contains("\n2022-10-01|").contains("HIGH").contains("|t");

		String readBack = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.execute(status -> {
				status.setRollbackOnly();
				context.getBean(SeriesIndicators.class).recompute(List.of(series));
				return indicatorMonths(series);
			});

		assertThat(computedOnImport).isEqualTo(readBack);
	}

	private String indicatorMonths(long series) {
		return jdbc.sql("""
				SELECT string_agg(concat_ws('|', month, price, interpolated, ipa, ipa_band, alps, alps_band, alps_trend), E'\n'
				                  ORDER BY month)
				FROM prices.series_month WHERE series_id = :s
				""").param("s", series).query(String.class).single();
	}

	@Test
	void everyObservationNamesASeriesAndAnImportOrAPerson() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM prices.observation o
				WHERE NOT EXISTS (SELECT 1 FROM prices.series s WHERE s.id = o.series_id)
				   OR (o.source_import IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prices.import_run r WHERE r.id = o.source_import))
				""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM prices.observation").query(Long.class).single()).isPositive();
	}

	@Test
	void everyAlertNamesItsSeriesMarketMemberAndCommodity() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM prices.alert a
				LEFT JOIN prices.series s ON s.id = a.series_id
				LEFT JOIN prices.market m ON m.id = a.market_id
				LEFT JOIN countries.country c ON c.iso3 = a.country_iso3
				LEFT JOIN commodities.commodity k ON k.code = a.commodity_code
				WHERE s.id IS NULL OR m.id IS NULL OR s.market_id <> m.id OR m.country_iso3 <> a.country_iso3
				   OR c.iso3 IS NULL OR (a.commodity_code IS NOT NULL AND k.code IS NULL)
				""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM pg_constraint WHERE conrelid = 'prices.alert'::regclass AND contype = 'f'
				""").query(Long.class).single()).as("checked here, not row by row").isZero();
	}

	private String price(String month) {
		return jdbc.sql("""
				SELECT o.price::text FROM prices.observation o JOIN prices.series s ON s.id = o.series_id
				JOIN prices.market m ON m.id = s.market_id
				WHERE m.name = 'Storage market' AND o.month = CAST(:month AS date) AND o.price_flag = 'actual'
				""").param("month", month).query(String.class).single();
	}

	private List<String> partitions() {
		return jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'prices.observation_year'::regclass
				""").query(String.class).list();
	}

	private static long number(HttpResponse<String> response, String path) {
		return ((Number) JsonPath.read(response.body(), path)).longValue();
	}

}
