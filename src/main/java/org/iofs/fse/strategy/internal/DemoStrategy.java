package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.foodbalance.FoodBalanceFacts.MemberYear;
import org.iofs.fse.platform.DemoData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo trade matrix drawn from the demo balance sheets, deterministically: each member's exports of a commodity go
 * partly (a third) to the members that import it, in proportion to their imports, and the rest to the rest of the
 * world; each importer reports what it received with some disagreement (now and then more than 20 %, as real mirror
 * figures do), and the rest of the world reports its side. Also the OIC's self-sufficiency targets for wheat and
 * rice. Marked as demo, replaced by the first real import.
 */
@Order(65)
@Component
class DemoStrategy implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

	static final BigDecimal TO_MEMBERS = new BigDecimal("0.35");

	private final JdbcClient jdbc;

	private final Commodities commodities;

	private final FoodBalanceFacts balances;

	private final TradeItems items;

	private final AuditTrail audit;

	private final Clock clock;

	DemoStrategy(JdbcClient jdbc, Commodities commodities, FoodBalanceFacts balances, TradeItems items,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.commodities = commodities;
		this.balances = balances;
		this.items = items;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM strategy.trade_flow)").query(Boolean.class).single()) {
			return;
		}
		Map<String, Object[]> byKey = new LinkedHashMap<>();
		for (Commodity commodity : commodities.ofKind(CommodityKind.COMMODITY)) {
			items.of(commodity).stream().filter(item -> item.factor().compareTo(BigDecimal.ONE) == 0).findFirst()
				.ifPresent(item -> flows(commodity, item.code(), byKey));
		}
		List<Object[]> rows = new ArrayList<>(byKey.values());
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO strategy.trade_flow (reporter, partner, item_code, year, import_t, export_t, demo)
				SELECT * , true FROM unnest(CAST(:reporters AS text[]), CAST(:partners AS text[]),
				    CAST(:items AS integer[]), CAST(:years AS smallint[]), CAST(:imports AS numeric[]),
				    CAST(:exports AS numeric[]))
				""")
			.param("reporters", rows.stream().map(r -> r[0]).toArray(String[]::new))
			.param("partners", rows.stream().map(r -> r[1]).toArray(String[]::new))
			.param("items", rows.stream().map(r -> r[2]).toArray(Integer[]::new))
			.param("years", rows.stream().map(r -> ((Integer) r[3]).shortValue()).toArray(Short[]::new))
			.param("imports", rows.stream().map(r -> r[4]).toArray(BigDecimal[]::new))
			.param("exports", rows.stream().map(r -> r[5]).toArray(BigDecimal[]::new))
			.update();
		int year = LocalDate.now(clock).getYear();
		for (String[] target : new String[][] { { "wheat", "OIC", "SELF_SUFFICIENCY", "70" },
				{ "rice", "OIC", "SELF_SUFFICIENCY", "90" }, { "wheat", "ARAB", "SELF_SUFFICIENCY", "45" } }) {
			jdbc.sql("""
					INSERT INTO strategy.target (commodity_code, scope, measure, target_year, value, note, set_by,
					    updated_at, demo)
					VALUES (:commodity, :scope, :measure, :year, :value, 'Demo target', 'demo', :at, true)
					ON CONFLICT DO NOTHING
					""").param("commodity", target[0]).param("scope", target[1]).param("measure", target[2])
				.param("year", year + 10).param("value", new BigDecimal(target[3]))
				.param("at", Timestamp.from(clock.instant())).update();
		}
		audit.record("strategy.demo-loaded", "faostat-trade-import", "demo", null, Map.of("flows", rows.size()));
		log.info("Demo data: {} generated trade matrix flows", rows.size());
	}

	/** One commodity's flows, year by year, from the members' balance-sheet imports and exports. */
	private void flows(Commodity commodity, int item, Map<String, Object[]> byKey) {
		// A member that both exports and imports reports both to the rest of the world: one flow, two figures.
		Consumer<Object[]> rows = row -> byKey.merge(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3],
				row, (a, b) -> new Object[] { a[0], a[1], a[2], a[3], a[4] != null ? a[4] : b[4], a[5] != null ? a[5] : b[5] });
		Random random = new Random(commodity.code().hashCode());
		Map<Integer, List<MemberYear>> byYear = balances.history(commodity.code()).stream()
			.collect(Collectors.groupingBy(MemberYear::year, TreeMap::new, Collectors.toList()));
		byYear.forEach((year, members) -> {
			List<MemberYear> importers = members.stream().filter(m -> positive(m.imports())).toList();
			BigDecimal allImports = importers.stream().map(MemberYear::imports).reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, BigDecimal> receivedFromMembers = new TreeMap<>();
			for (MemberYear exporter : members.stream().filter(m -> positive(m.exports())).toList()) {
				BigDecimal exports = exporter.exports().multiply(Suppliers.THOUSAND);
				BigDecimal toMembers = BigDecimal.ZERO;
				for (MemberYear importer : importers) {
					if (importer.iso3().equals(exporter.iso3())) {
						continue;
					}
					BigDecimal sent = exports.multiply(TO_MEMBERS).multiply(importer.imports())
						.divide(allImports, 0, RoundingMode.HALF_EVEN);
					if (sent.compareTo(BigDecimal.valueOf(100)) < 0) {
						continue;
					}
					double disagreement = random.nextInt(8) == 0 ? 0.7 + random.nextDouble() * 0.2
							: 0.95 + random.nextDouble() * 0.1;
					BigDecimal reported = sent.multiply(BigDecimal.valueOf(disagreement)).setScale(0, RoundingMode.HALF_EVEN);
					rows.accept(new Object[] { exporter.iso3(), importer.iso3(), item, year, null, sent });
					rows.accept(new Object[] { importer.iso3(), exporter.iso3(), item, year, reported, null });
					receivedFromMembers.merge(importer.iso3(), reported, BigDecimal::add);
					toMembers = toMembers.add(sent);
				}
				BigDecimal rest = exports.subtract(toMembers).max(BigDecimal.ZERO);
				rows.accept(new Object[] { exporter.iso3(), TradeMatrixRows.REST_OF_WORLD, item, year, null, rest });
				rows.accept(new Object[] { TradeMatrixRows.REST_OF_WORLD, exporter.iso3(), item, year, rest, null });
			}
			for (MemberYear importer : importers) {
				BigDecimal fromRest = importer.imports().multiply(Suppliers.THOUSAND)
					.subtract(receivedFromMembers.getOrDefault(importer.iso3(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
				rows.accept(new Object[] { importer.iso3(), TradeMatrixRows.REST_OF_WORLD, item, year, fromRest, null });
				rows.accept(new Object[] { TradeMatrixRows.REST_OF_WORLD, importer.iso3(), item, year, null,
						fromRest.multiply(BigDecimal.valueOf(0.97 + random.nextDouble() * 0.06)).setScale(0, RoundingMode.HALF_EVEN) });
			}
		});
	}

	private static boolean positive(BigDecimal value) {
		return value != null && value.signum() > 0;
	}

}
