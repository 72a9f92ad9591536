package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the trade matrix for one commodity, its items summed in primary equivalent: the flows as each side reports
 * them beside the partner's mirror figure, the flows between members, each member's imports from members and from
 * the rest of the world, and the OIC's share of its own imports year by year. Public, as FAOSTAT's figures are.
 */
@Service
class TradeFlows {

	/** Where two sides' figures for one flow differ by more than this share of the larger, the gap is flagged. */
	static final BigDecimal MIRROR_GAP = new BigDecimal("0.20");

	/**
	 * One flow between a reporter and a partner in a year, in tonnes: the reporter's imports and exports, and the
	 * partner's figures for the same flows (its exports to the reporter mirror the reporter's imports).
	 */
	record Flow(String reporter, String partner, int year, BigDecimal imports, BigDecimal exports,
			BigDecimal mirrorImports, BigDecimal mirrorExports) {
	}

	/** Goods from one member to another: as the exporter reports them and as the importer does. */
	record MemberFlow(String exporter, String importer, BigDecimal exporterFigure, BigDecimal importerFigure) {

		/** The importer's figure where it has one (customs at entry are usually the better count), else the exporter's. */
		@JsonProperty
		public BigDecimal tonnes() {
			return importerFigure != null ? importerFigure : exporterFigure;
		}

		@JsonProperty
		public boolean gap() {
			if (exporterFigure == null || importerFigure == null) {
				return false;
			}
			BigDecimal larger = exporterFigure.max(importerFigure);
			return larger.signum() > 0
					&& exporterFigure.subtract(importerFigure).abs().compareTo(larger.multiply(MIRROR_GAP)) > 0;
		}

	}

	/** A member's imports in a year as it reports them: from members, and from the rest of the world. */
	record ImportSources(String member, BigDecimal fromMembers, BigDecimal fromRestOfWorld) {

		@JsonProperty
		public BigDecimal total() {
			return fromMembers.add(fromRestOfWorld);
		}

		/** The share from members, in %, or null without imports. */
		@JsonProperty
		public BigDecimal memberShare() {
			return share(fromMembers, total());
		}

	}

	/** The OIC's imports in a year, as its members report them: from members and in all, and the members' share. */
	record YearShare(int year, BigDecimal fromMembers, BigDecimal total) {

		@JsonProperty
		public BigDecimal memberShare() {
			return share(fromMembers, total);
		}

	}

	// The items join gives each flow its factor; the same items repeated as "item_code = ANY" in each WHERE let the
	// planner read them through the (item_code, year) index instead of the whole table.
	private static final String ITEMS = """
			items (code, factor) AS (SELECT * FROM unnest(CAST(:items AS integer[]), CAST(:factors AS numeric[])))
			""";

	private final JdbcClient jdbc;

	private final TradeItems items;

	TradeFlows(JdbcClient jdbc, TradeItems items) {
		this.jdbc = jdbc;
		this.items = items;
	}

	/** The years the matrix has for the commodity, newest first. */
	@Transactional(readOnly = true)
	List<Integer> years(Commodity commodity) {
		TradeItems.Codes codes = items.codes(commodity);
		return jdbc.sql("SELECT DISTINCT year FROM strategy.trade_flow WHERE item_code = ANY (CAST(:items AS integer[])) ORDER BY year DESC")
			.param("items", codes.items())
			.query(Integer.class)
			.list();
	}

	/**
	 * The flows of a commodity, a page at a time, optionally of one year, reporter and partner (ISO3, or ROW for the
	 * rest of the world), each beside its mirror.
	 */
	@Transactional(readOnly = true)
	PageOf<Flow> flows(Commodity commodity, Integer year, String reporter, String partner, int page, int size) {
		PageOf.checkRequest(page, size);
		TradeItems.Codes codes = items.codes(commodity);
		String sql = """
				WITH %s,
				sides AS (
				    SELECT f.reporter, f.partner, f.year, sum(f.import_t * i.factor) AS imports,
				           sum(f.export_t * i.factor) AS exports
				    FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				    WHERE f.item_code = ANY (CAST(:items AS integer[])) AND (CAST(:year AS integer) IS NULL OR f.year = :year)
				      AND (CAST(:reporter AS text) IS NULL OR f.reporter = :reporter OR f.partner = :reporter)
				      AND (CAST(:partner AS text) IS NULL OR f.partner = :partner OR f.reporter = :partner)
				    GROUP BY f.reporter, f.partner, f.year),
				pairs AS (
				    SELECT coalesce(a.reporter, b.partner) AS reporter, coalesce(a.partner, b.reporter) AS partner,
				           coalesce(a.year, b.year) AS year, a.imports, a.exports, b.exports AS mirror_imports,
				           b.imports AS mirror_exports
				    FROM sides a FULL JOIN sides b ON (b.reporter, b.partner, b.year) = (a.partner, a.reporter, a.year))
				SELECT *, count(*) OVER () AS total FROM pairs
				WHERE reporter <> 'ROW'
				  AND (CAST(:reporter AS text) IS NULL OR reporter = :reporter)
				  AND (CAST(:partner AS text) IS NULL OR partner = :partner)
				ORDER BY year DESC, reporter, partner
				LIMIT :limit OFFSET :offset
				""".formatted(ITEMS);
		long[] total = { 0 };
		List<Flow> flows = jdbc.sql(sql)
			.param("items", codes.items())
			.param("factors", codes.factors())
			.param("year", year)
			.param("reporter", reporter)
			.param("partner", partner)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return new Flow(rs.getString("reporter"), rs.getString("partner"), rs.getInt("year"),
						tonnes(rs.getBigDecimal("imports")), tonnes(rs.getBigDecimal("exports")),
						tonnes(rs.getBigDecimal("mirror_imports")), tonnes(rs.getBigDecimal("mirror_exports")));
			})
			.list();
		return new PageOf<>(flows, page, size, total[0]);
	}

	/** Goods moving between members in a year: the exporter's figure beside the importer's, largest first. */
	@Transactional(readOnly = true)
	List<MemberFlow> betweenMembers(Commodity commodity, int year) {
		TradeItems.Codes codes = items.codes(commodity);
		return jdbc.sql("""
				WITH %s,
				exported AS (
				    SELECT f.reporter AS exporter, f.partner AS importer, sum(f.export_t * i.factor) AS tonnes
				    FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				    WHERE f.item_code = ANY (CAST(:items AS integer[])) AND f.year = :year AND f.reporter <> 'ROW' AND f.partner <> 'ROW' AND f.export_t IS NOT NULL
				    GROUP BY 1, 2),
				imported AS (
				    SELECT f.partner AS exporter, f.reporter AS importer, sum(f.import_t * i.factor) AS tonnes
				    FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				    WHERE f.item_code = ANY (CAST(:items AS integer[])) AND f.year = :year AND f.reporter <> 'ROW' AND f.partner <> 'ROW' AND f.import_t IS NOT NULL
				    GROUP BY 1, 2)
				SELECT coalesce(e.exporter, m.exporter) AS exporter, coalesce(e.importer, m.importer) AS importer,
				       e.tonnes AS exporter_figure, m.tonnes AS importer_figure
				FROM exported e FULL JOIN imported m ON (m.exporter, m.importer) = (e.exporter, e.importer)
				ORDER BY coalesce(m.tonnes, e.tonnes) DESC, 1, 2
				""".formatted(ITEMS))
			.param("items", codes.items())
			.param("factors", codes.factors())
			.param("year", year)
			.query((rs, row) -> new MemberFlow(rs.getString("exporter"), rs.getString("importer"),
					tonnes(rs.getBigDecimal("exporter_figure")), tonnes(rs.getBigDecimal("importer_figure"))))
			.list()
			.stream()
			.filter(flow -> flow.tonnes() != null && flow.tonnes().signum() > 0)
			.toList();
	}

	/** Each member's imports in a year, as it reports them, from members and from the rest of the world. */
	@Transactional(readOnly = true)
	List<ImportSources> importSources(Commodity commodity, int year) {
		TradeItems.Codes codes = items.codes(commodity);
		return jdbc.sql("""
				WITH %s
				SELECT f.reporter,
				       coalesce(sum(f.import_t * i.factor) FILTER (WHERE f.partner <> 'ROW'), 0) AS from_members,
				       coalesce(sum(f.import_t * i.factor) FILTER (WHERE f.partner = 'ROW'), 0) AS from_rest
				FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				WHERE f.item_code = ANY (CAST(:items AS integer[])) AND f.year = :year AND f.reporter <> 'ROW' AND f.import_t IS NOT NULL
				GROUP BY f.reporter ORDER BY from_rest DESC, f.reporter
				""".formatted(ITEMS))
			.param("items", codes.items())
			.param("factors", codes.factors())
			.param("year", year)
			.query((rs, row) -> new ImportSources(rs.getString("reporter"), tonnes(rs.getBigDecimal("from_members")),
					tonnes(rs.getBigDecimal("from_rest"))))
			.list();
	}

	/** The OIC's share of its own imports, year by year, as its members report their imports. */
	@Transactional(readOnly = true)
	List<YearShare> memberShareByYear(Commodity commodity) {
		TradeItems.Codes codes = items.codes(commodity);
		return jdbc.sql("""
				WITH %s
				SELECT f.year, coalesce(sum(f.import_t * i.factor) FILTER (WHERE f.partner <> 'ROW'), 0) AS from_members,
				       sum(f.import_t * i.factor) AS total
				FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				WHERE f.item_code = ANY (CAST(:items AS integer[])) AND f.reporter <> 'ROW' AND f.import_t IS NOT NULL
				GROUP BY f.year ORDER BY f.year
				""".formatted(ITEMS))
			.param("items", codes.items())
			.param("factors", codes.factors())
			.query((rs, row) -> new YearShare(rs.getInt("year"), tonnes(rs.getBigDecimal("from_members")),
					tonnes(rs.getBigDecimal("total"))))
			.list();
	}

	/** Each member's exports of the commodity in a year, in tonnes, as it reports them (to members and the rest). */
	@Transactional(readOnly = true)
	Map<String, BigDecimal> exportsByMember(Commodity commodity, int year) {
		TradeItems.Codes codes = items.codes(commodity);
		Map<String, BigDecimal> exports = new TreeMap<>();
		jdbc.sql("""
				WITH %s
				SELECT f.reporter, sum(f.export_t * i.factor) AS tonnes
				FROM strategy.trade_flow f JOIN items i ON i.code = f.item_code
				WHERE f.item_code = ANY (CAST(:items AS integer[])) AND f.year = :year AND f.reporter <> 'ROW' AND f.export_t IS NOT NULL
				GROUP BY f.reporter
				""".formatted(ITEMS))
			.param("items", codes.items())
			.param("factors", codes.factors())
			.param("year", year)
			.query((rs, row) -> exports.put(rs.getString("reporter"), tonnes(rs.getBigDecimal("tonnes"))))
			.list();
		return exports;
	}

	private static BigDecimal tonnes(BigDecimal value) {
		return value == null ? null : value.setScale(0, RoundingMode.HALF_EVEN);
	}

	private static BigDecimal share(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() <= 0 || part == null) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
	}

}
