package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iofs.fse.prices.internal.PricesAtHand;
import org.iofs.fse.shared.imports.CopyWriter;

/**
 * Holds an import's checked price rows by series, and stages each series of the file once. What names a series
 * (member, market, commodity, price type, unit, currency) is resolved here, once per series, not once per row: the
 * rows stay in memory, a few dozen bytes each ({@link FileSeries}), and each series of the file is staged once with
 * COPY into {@code price_key}, with the attributes of its last line. The merge turns the keys into series, then
 * writes the rows as year rows straight into the observations.
 */
final class PriceStaging implements Consumer<PriceRow> {

	static final String KEYS_TABLE = """
			CREATE TEMPORARY TABLE price_key (
			    key integer, line bigint, iso3 char(3), admin1 text, admin2 text, market text, market_id integer,
			    latitude numeric, longitude numeric, category text, commodity text, commodity_id integer, unit text,
			    unit_quantity numeric, base_unit text, price_type text, currency char(3), fingerprint bigint)
			    ON COMMIT DROP
			""";

	/** The flag codes of the rows (1, 2, 3 here), as stored. */
	static final List<String> FLAGS = List.of("actual", "aggregate", "actual,aggregate");

	private static final int FIRST_YEAR = WfpRows.EARLIEST.getYear();

	/** What names a series in a file; its other attributes (coordinates, ids, category) are the last line's. */
	private record SeriesName(String iso3, String admin1, String admin2, String market, String commodity,
			String priceType, String unit, String currency) {
	}

	private final Map<SeriesName, FileSeries> series = new HashMap<>();

	private final List<FileSeries> inOrder = new ArrayList<>();

	private long rows;

	@Override
	public void accept(PriceRow row) {
		SeriesName name = new SeriesName(row.iso3(), row.admin1(), row.admin2(), row.market(), row.commodity(),
				row.priceType(), row.unit().text(), row.currency());
		FileSeries held = series.get(name);
		if (held == null) {
			held = new FileSeries(inOrder.size());
			series.put(name, held);
			inOrder.add(held);
		}
		held.last = row;
		int flag = FLAGS.indexOf(row.priceFlag()) + 1;
		YearMonth month = row.month();
		int absoluteMonth = month.getYear() * 12 + month.getMonthValue() - 1;
		int monthIndex = absoluteMonth - FIRST_YEAR * 12;
		if (!held.firstTime(monthIndex, flag)) {
			held.repeats = true;
		}
		long price = scaled(row.price());
		long usdPrice = row.usdPrice() == null ? FileSeries.NO_PRICE : scaled(row.usdPrice());
		held.fingerprint += ImportFingerprint.of(monthIndex, flag, price, usdPrice);
		held.hold(absoluteMonth, flag, price, usdPrice, (int) rows);
		rows++;
	}

	/**
	 * The value times 10,000, as numeric(18,4) holds it (PostgreSQL rounds half away from zero, as HALF_UP does);
	 * within a long, as the rows refuse any value beyond numeric(18,4) ({@link WfpRows#MAX_PRICE}).
	 */
	private static long scaled(BigDecimal value) {
		return value.setScale(4, RoundingMode.HALF_UP).unscaledValue().longValue();
	}

	/** Stages each series of the file once, on the transaction's connection. */
	void finish(Connection connection) throws SQLException {
		try (CopyWriter keys = new CopyWriter(connection, "COPY price_key FROM STDIN (FORMAT csv)")) {
			for (FileSeries held : inOrder) {
				held.forgetSeen();
				PriceRow row = held.last;
				keys.raw(held.number).raw(row.line()).raw(row.iso3()).text(row.admin1()).text(row.admin2())
					.text(row.market()).raw(row.marketId()).number(row.latitude()).number(row.longitude())
					.text(row.category()).text(row.commodity()).raw(row.commodityId()).text(row.unit().text())
					.number(row.unit().quantity()).text(row.unit().baseUnit()).text(row.priceType())
					.text(row.currency()).raw(held.repeats ? null : held.fingerprint);
				keys.endRow();
			}
			keys.finish();
		}
	}

	/** A series of the file by its number (its key in {@code price_key}). */
	FileSeries series(int number) {
		return inOrder.get(number);
	}

	/** The prices of the file's series by their number in this file, for the indicators of the series it created. */
	PricesAtHand pricesOf(Map<Long, Integer> seriesKeys) {
		return new PricesAtHand() {
			@Override
			public boolean holds(long series) {
				return seriesKeys.containsKey(series);
			}

			@Override
			public void pricesOf(long series, PricesAtHand.MonthPriceSink sink) {
				inOrder.get(seriesKeys.get(series)).pricesTo(sink);
			}
		};
	}

}
