package org.iofs.fse.strategy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.iofs.fse.shared.imports.CopyWriter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streams a file's flows into a temporary staging table with PostgreSQL {@code COPY}, on the transaction's own
 * connection, and merges them set-based at the end: each reporter, partner, item and year becomes one flow, the
 * rest of the world's countries summed into one partner, values that did not change left untouched.
 */
final class TradeStaging implements Consumer<TradeMatrixRows.Flow>, AutoCloseable {

	static final String TABLE = "strategy_trade_incoming";

	record Counts(long inserted, long updated, long incoming) {

		long unchanged() {
			return incoming - inserted - updated;
		}

	}

	private final CopyWriter copy;

	private long written;

	private TradeStaging(Connection connection) throws SQLException {
		this.copy = new CopyWriter(connection,
				"COPY " + TABLE + " (reporter, partner, item_code, year, element, value, flag) FROM STDIN (FORMAT csv)");
	}

	/** Creates the staging table for this transaction and opens the COPY into it. */
	static TradeStaging open(JdbcClient jdbc, Connection connection) throws SQLException {
		jdbc.sql("""
				CREATE TEMPORARY TABLE IF NOT EXISTS %s (reporter text, partner text, item_code integer,
				    year smallint, element smallint, value numeric, flag text) ON COMMIT DROP
				""".formatted(TABLE)).update();
		return new TradeStaging(connection);
	}

	@Override
	public void accept(TradeMatrixRows.Flow flow) {
		copy.raw(flow.reporter()).raw(flow.partner()).raw(flow.item()).raw(flow.year()).raw(flow.element().code)
			.raw(flow.value().toPlainString()).text(flow.flag());
		copy.endRow();
		written++;
	}

	void finish() throws SQLException {
		copy.finish();
	}

	long written() {
		return written;
	}

	@Override
	public void close() throws SQLException {
		copy.close();
	}

	/**
	 * Merges what was staged: one flow per reporter, partner, item and year, each element summed (the rest of the
	 * world's countries add up; a member pair appears once in a FAOSTAT file). An element the file does not give keeps
	 * its stored value; a flow is written only when one of its figures or flags changes.
	 */
	static Counts merge(JdbcClient jdbc, long importId) {
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		return jdbc.sql("""
				WITH incoming AS (
				    SELECT reporter, partner, item_code, year,
				           sum(value) FILTER (WHERE element = 5610) AS import_t,
				           sum(value) FILTER (WHERE element = 5910) AS export_t,
				           sum(value) FILTER (WHERE element = 5622) AS import_kusd,
				           sum(value) FILTER (WHERE element = 5922) AS export_kusd,
				           CASE WHEN partner = 'ROW' OR reporter = 'ROW' THEN NULL
				                ELSE max(flag) FILTER (WHERE element = 5610) END AS import_flag,
				           CASE WHEN partner = 'ROW' OR reporter = 'ROW' THEN NULL
				                ELSE max(flag) FILTER (WHERE element = 5910) END AS export_flag
				    FROM %s GROUP BY reporter, partner, item_code, year),
				merged AS (
				    INSERT INTO strategy.trade_flow AS f (reporter, partner, item_code, year, import_t, export_t,
				           import_kusd, export_kusd, import_flag, export_flag, source_import)
				    SELECT reporter, partner, item_code, year, import_t, export_t, import_kusd, export_kusd,
				           import_flag, export_flag, :importId FROM incoming
				    ON CONFLICT (reporter, partner, item_code, year) DO UPDATE SET
				        import_t = coalesce(EXCLUDED.import_t, f.import_t),
				        export_t = coalesce(EXCLUDED.export_t, f.export_t),
				        import_kusd = coalesce(EXCLUDED.import_kusd, f.import_kusd),
				        export_kusd = coalesce(EXCLUDED.export_kusd, f.export_kusd),
				        import_flag = CASE WHEN EXCLUDED.import_t IS NULL THEN f.import_flag ELSE EXCLUDED.import_flag END,
				        export_flag = CASE WHEN EXCLUDED.export_t IS NULL THEN f.export_flag ELSE EXCLUDED.export_flag END,
				        source_import = EXCLUDED.source_import, demo = false
				    WHERE (coalesce(EXCLUDED.import_t, f.import_t), coalesce(EXCLUDED.export_t, f.export_t),
				           coalesce(EXCLUDED.import_kusd, f.import_kusd), coalesce(EXCLUDED.export_kusd, f.export_kusd),
				           CASE WHEN EXCLUDED.import_t IS NULL THEN f.import_flag ELSE EXCLUDED.import_flag END,
				           CASE WHEN EXCLUDED.export_t IS NULL THEN f.export_flag ELSE EXCLUDED.export_flag END, f.demo)
				          IS DISTINCT FROM (f.import_t, f.export_t, f.import_kusd, f.export_kusd, f.import_flag,
				           f.export_flag, false)
				    RETURNING (xmax = 0) AS inserted)
				SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
				       (SELECT count(*) FROM incoming) AS incoming
				FROM merged
				""".formatted(TABLE))
			.param("importId", importId)
			.query((rs, row) -> new Counts(rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("incoming")))
			.single();
	}

}
