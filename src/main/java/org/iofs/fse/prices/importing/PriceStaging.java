package org.iofs.fse.prices.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.iofs.fse.shared.imports.CopyWriter;

/**
 * Streams checked price rows into the transaction's temporary staging table with {@code COPY}, on the
 * transaction's own connection.
 */
final class PriceStaging implements Consumer<PriceRow>, AutoCloseable {

	static final String TABLE = """
			CREATE TEMPORARY TABLE price_staging (
			    line bigint, iso3 char(3), admin1 text, admin2 text, market text, market_id integer,
			    latitude numeric, longitude numeric, category text, commodity text, commodity_id integer, unit text,
			    unit_quantity numeric, base_unit text, price_flag text, price_type text, currency char(3), month date,
			    price numeric, usd_price numeric) ON COMMIT DROP
			""";

	private final CopyWriter copy;

	PriceStaging(Connection connection) throws SQLException {
		this.copy = new CopyWriter(connection, "COPY price_staging FROM STDIN (FORMAT csv)");
	}

	@Override
	public void accept(PriceRow row) {
		copy.raw(row.line()).raw(row.iso3()).text(row.admin1()).text(row.admin2()).text(row.market())
			.raw(row.marketId()).number(row.latitude()).number(row.longitude()).text(row.category())
			.text(row.commodity()).raw(row.commodityId()).text(row.unit().text()).number(row.unit().quantity())
			.text(row.unit().baseUnit()).text(row.priceFlag()).text(row.priceType()).text(row.currency())
			.raw(row.month().atDay(1)).number(row.price()).number(row.usdPrice());
		copy.endRow();
	}

	void finish() throws SQLException {
		copy.finish();
	}

	@Override
	public void close() throws SQLException {
		copy.close();
	}

}
