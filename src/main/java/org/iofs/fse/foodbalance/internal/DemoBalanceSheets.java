package org.iofs.fse.foodbalance.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo balance sheets for all 57 members and the ten years 2014-2023, generated deterministically (the same
 * numbers on every machine) and plausible in size: population from 2014 estimates growing 2 % a year, food supply
 * per person by commodity and OIC group, self-sufficiency varying by country. The supply and use identities hold
 * exactly. They are stored under an import whose layout is {@value #LAYOUT}, and every page that shows them says so.
 */
// Before the demo projects (order 50), whose results are measured from these balances.
@org.springframework.core.annotation.Order(5)
@Component
public class DemoBalanceSheets implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoBalanceSheets.class);

	static final String LAYOUT = "DEMO";

	static final int FIRST_YEAR = 2014;

	static final int YEARS = 10;

	/** FBS item, food supply in kg per person and year for the Arab, African and Asian groups, share of supply eaten. */
	private record Item(int code, String name, double arab, double african, double asian, double foodShare, String group) {
	}

	private static final List<Item> ITEMS = List.of(new Item(2511, "Wheat and products", 150, 35, 90, 0.80, "cereals"),
			new Item(2805, "Rice and products", 30, 45, 110, 0.90, "cereals"),
			new Item(2514, "Maize and products", 25, 60, 15, 0.45, "cereals"),
			new Item(2518, "Sorghum and products", 6, 40, 2, 0.75, "cereals"),
			new Item(2517, "Millet and products", 3, 30, 1, 0.80, "cereals"),
			new Item(2513, "Barley and products", 8, 3, 6, 0.20, "cereals"),
			new Item(2532, "Cassava and products", 2, 120, 10, 0.70, null),
			new Item(2577, "Palm Oil", 6, 9, 8, 0.85, "oils"), new Item(2542, "Sugar (Raw Equivalent)", 30, 12, 22, 0.90, null),
			new Item(2555, "Soyabeans", 1, 2, 4, 0.10, null), new Item(2571, "Soyabean Oil", 8, 3, 5, 0.90, "oils"),
			new Item(2573, "Sunflowerseed Oil", 6, 1, 3, 0.90, "oils"), new Item(2911, "Pulses", 9, 12, 8, 0.90, null),
			new Item(2619, "Dates", 12, 1, 2, 0.95, null));

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Countries countries;

	private final AuditTrail audit;

	DemoBalanceSheets(JdbcClient jdbc, JdbcTemplate template, Countries countries, AuditTrail audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.countries = countries;
		this.audit = audit;
	}

	/** Generates the demo sheets unless the database already holds balance values (demo or real). */
	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM foodbalance.balance_value)").query(Boolean.class).single()) {
			return;
		}
		long importId = jdbc.sql("""
				INSERT INTO foodbalance.import_run (file_name, sha256, layout, imported_by, outcome, started_at, message)
				VALUES ('demo data (generated)', repeat('0', 64), :layout, 'system', 'APPLIED', now(),
				        'Demo balance sheets, generated; not FAOSTAT data')
				RETURNING id
				""").param("layout", LAYOUT).query(Long.class).single();
		List<Object[]> rows = new ArrayList<>();
		Map<String, Double> populations = populations();
		for (Country country : countries.all()) {
			generate(country, populations.getOrDefault(country.iso3(), 1000.0), importId, rows);
		}
		template.update("INSERT INTO foodbalance.fbs_item (code, name_en) VALUES (2501, 'Population'), "
				+ "(2905, 'Cereals - Excluding Beer'), (2914, 'Vegetable Oils') ON CONFLICT DO NOTHING");
		for (Item item : ITEMS) {
			template.update("INSERT INTO foodbalance.fbs_item (code, name_en) VALUES (?, ?) ON CONFLICT DO NOTHING",
					item.code(), item.name());
		}
		template.update("CREATE TEMPORARY TABLE demo_value (iso3 char(3), item_code integer, element_code integer, "
				+ "year smallint, value numeric, unit text, import_id bigint) ON COMMIT DROP");
		template.batchUpdate("INSERT INTO demo_value VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
		BalanceLines.createIncoming(jdbc);
		BalanceLines.incomingFromValues(jdbc,
				"SELECT iso3, item_code, year, element_code, value, unit, 'E' FROM demo_value", Map.of());
		BalanceLines.merge(jdbc, BalanceLines.Source.ofImport(importId), false,
				countries.all().stream().map(Country::iso3).toList());
		jdbc.sql("UPDATE foodbalance.import_run SET rows_inserted = :n WHERE id = :id")
			.param("n", rows.size())
			.param("id", importId)
			.update();
		audit.record("foodbalance.demo-generated", "faostat-import", importId, null,
				Map.of("values", rows.size(), "firstYear", FIRST_YEAR, "years", YEARS));
		log.info("Demo data: {} generated food balance values for {} members and {} years", rows.size(),
				countries.all().size(), YEARS);
	}

	public static void generate(Country country, double population2014, long importId, List<Object[]> rows) {
		Random random = new Random(country.iso3().hashCode());
		double selfSufficiency = 0.15 + random.nextDouble() * 1.0;
		for (int offset = 0; offset < YEARS; offset++) {
			int year = FIRST_YEAR + offset;
			double population = population2014 * Math.pow(1.02, offset);
			rows.add(new Object[] { country.iso3(), 2501, 511, year, Math.round(population), "1000 persons", importId });
			Map<String, long[]> groups = new HashMap<>();
			for (Item item : ITEMS) {
				double perPerson = perPerson(item, country.oicGroup()) * (0.7 + new Random(country.iso3().hashCode() * 31L
						+ item.code()).nextDouble() * 0.6) * (1 + 0.01 * offset);
				long food = Math.round(perPerson * population / 1000);
				long supply = Math.round(food / item.foodShare());
				double ssr = Math.min(1.4, selfSufficiency * (0.5 + new Random(item.code() * 7L + country.iso3().hashCode()).nextDouble()));
				long production = Math.round(supply * ssr * (0.95 + random.nextDouble() * 0.1));
				long stockVariation = Math.round(supply * (random.nextDouble() - 0.5) * 0.04);
				long exports = production > supply ? production - supply + Math.round(supply * 0.02) : Math.round(supply * 0.01);
				long imports = Math.max(0, supply - production + exports + stockVariation);
				long domesticSupply = production + imports - exports - stockVariation;
				long other = domesticSupply - food;
				long feed = Math.max(0, Math.round(other * 0.5));
				long losses = Math.max(0, Math.round(other * 0.25));
				long seed = Math.max(0, Math.round(other * 0.1));
				long processing = Math.max(0, Math.round(other * 0.1));
				long residuals = domesticSupply - food - feed - losses - seed - processing;
				long[] values = { production, imports, stockVariation, exports, domesticSupply, feed, seed, losses,
						processing, residuals, food };
				int[] elements = { 5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5170, 5142 };
				for (int i = 0; i < elements.length; i++) {
					rows.add(new Object[] { country.iso3(), item.code(), elements[i], year, values[i], "1000 t", importId });
				}
				rows.add(new Object[] { country.iso3(), item.code(), 645, year,
						Math.round(food * 1000.0 / population * 100) / 100.0, "kg", importId });
				if (item.group() != null) {
					long[] sum = groups.computeIfAbsent(item.group(), k -> new long[values.length]);
					for (int i = 0; i < values.length; i++) {
						sum[i] += values[i];
					}
				}
			}
			groups.forEach((group, sum) -> {
				int code = group.equals("cereals") ? 2905 : 2914;
				int[] elements = { 5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5170, 5142 };
				for (int i = 0; i < elements.length; i++) {
					rows.add(new Object[] { country.iso3(), code, elements[i], year, sum[i], "1000 t", importId });
				}
			});
		}
	}

	private static double perPerson(Item item, OicGroup group) {
		return switch (group) {
			case ARAB -> item.arab();
			case AFRICAN -> item.african();
			case ASIAN -> item.asian();
		};
	}

	private static Map<String, Double> populations() {
		Map<String, Double> populations = new HashMap<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource("demo/populations.csv").getInputStream(),
				StandardCharsets.UTF_8); CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			csv.forEach(row -> populations.put(row.getField("iso3"),
					Double.parseDouble(row.getField("population_2014_thousands"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return populations;
	}

}
