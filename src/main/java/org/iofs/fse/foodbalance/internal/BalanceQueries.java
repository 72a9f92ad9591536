package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the food balance reads: one country-year sheet, and indicator components across members. A sheet reads
 * the view {@code balance_value} (one row per value); the rest read whole lines from {@code balance_line} and pick
 * the few elements they need by position, which spares unpacking every line.
 */
@Repository
class BalanceQueries {

	record Value(int itemCode, String itemName, int elementCode, String elementName, BigDecimal value, String unit,
			String flag, String flagClass, String status, boolean demo) {
	}

	private final JdbcClient jdbc;

	BalanceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every value of one country and year, items in code order, elements in sheet order. */
	List<Value> sheet(String iso3, int year, boolean unpublished) {
		return jdbc.sql("""
				SELECT b.item_code, i.name_en AS item_name, b.element_code, e.name_en AS element_name, b.value, b.unit,
				       b.flag, b.flag_class, b.status, coalesce(r.layout = 'DEMO', false) AS demo
				FROM foodbalance.balance_value b
				JOIN foodbalance.fbs_item i ON i.code = b.item_code
				JOIN foodbalance.fbs_element e ON e.code = b.element_code
				LEFT JOIN foodbalance.import_run r ON r.id = b.source_import
				WHERE b.country_iso3 = :iso3 AND b.year = :year AND (:unpublished OR b.status = 'PUBLISHED')
				ORDER BY b.item_code, e.position
				""")
			.param("iso3", iso3)
			.param("year", year)
			.param("unpublished", unpublished)
			.query((rs, n) -> new Value(rs.getInt("item_code"), rs.getString("item_name"), rs.getInt("element_code"),
					rs.getString("element_name"), rs.getBigDecimal("value"), rs.getString("unit"), rs.getString("flag"),
					rs.getString("flag_class"), rs.getString("status"), rs.getBoolean("demo")))
			.list();
	}

	/** The years any member has values for one of these items, newest first. */
	List<Integer> yearsOf(int[] items, boolean unpublished) {
		return jdbc.sql("""
				SELECT DISTINCT year FROM foodbalance.balance_line
				WHERE item_code = ANY (CAST(:items AS integer[])) AND (:unpublished OR status = 'PUBLISHED')
				ORDER BY year DESC
				""").param("items", items).param("unpublished", unpublished).query(Integer.class).list();
	}

	/** A country's yearly values of some elements of a commodity (its first reported FBS code each year). */
	List<Object[]> series(String iso3, int[] items, int[] elements, boolean unpublished) {
		return jdbc.sql("""
				WITH picked AS (
				    SELECT DISTINCT ON (year) year, item_code FROM foodbalance.balance_line
				    WHERE country_iso3 = :iso3 AND item_code = ANY (CAST(:items AS integer[]))
				      AND (:unpublished OR status = 'PUBLISHED')
				    ORDER BY year, array_position(CAST(:items AS integer[]), item_code))
				SELECT b.year, b.element_code, b.value FROM foodbalance.balance_value b
				JOIN picked p ON (p.year, p.item_code) = (b.year, b.item_code)
				WHERE b.country_iso3 = :iso3 AND b.element_code = ANY (CAST(:elements AS integer[]))
				  AND (:unpublished OR b.status = 'PUBLISHED')
				ORDER BY b.year
				""")
			.param("iso3", iso3)
			.param("items", items)
			.param("elements", elements)
			.param("unpublished", unpublished)
			.query((rs, n) -> new Object[] { rs.getInt("year"), rs.getInt("element_code"), rs.getBigDecimal("value") })
			.list();
	}

	/**
	 * Each item's energy per kg as FAOSTAT's own figures imply it: food supply in kcal per person and day (664)
	 * times 365 over food supply in kg per person and year (645), the median over every published line that has
	 * both, so that one odd country-year does not move it.
	 */
	Map<Integer, BigDecimal> derivedEnergyPerKg(int[] items) {
		Map<Integer, BigDecimal> byItem = new HashMap<>();
		jdbc.sql("""
				SELECT item_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY kcal * 365 / kg) AS kcal_per_kg
				FROM (SELECT item_code, vals[array_position(element_codes, 664)] AS kcal,
				             vals[array_position(element_codes, 645)] AS kg
				      FROM foodbalance.balance_line
				      WHERE item_code = ANY (CAST(:items AS integer[])) AND status = 'PUBLISHED'
				        AND element_codes @> ARRAY[664, 645]) pairs
				WHERE kg > 0 AND kcal > 0
				GROUP BY item_code
				""").param("items", items).query((rs, n) -> byItem.put(rs.getInt(1),
						BigDecimal.valueOf(rs.getDouble(2)).setScale(1, java.math.RoundingMode.HALF_EVEN)))
			.list();
		return byItem;
	}

	/** Whether any value of these items in this year is generated demo data. */
	boolean anyDemo(int[] items, int year) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM foodbalance.balance_line b
				               JOIN foodbalance.import_run r ON r.id = ANY (b.source_imports)
				               WHERE r.layout = 'DEMO' AND b.item_code = ANY (CAST(:items AS integer[])) AND b.year = :year)
				""").param("items", items).param("year", year).query(Boolean.class).single();
	}

	/** The years a country has values for, newest first. */
	List<Integer> years(String iso3, boolean unpublished) {
		return jdbc.sql("""
				SELECT DISTINCT year FROM foodbalance.balance_line
				WHERE country_iso3 = :iso3 AND (:unpublished OR status = 'PUBLISHED') ORDER BY year DESC
				""").param("iso3", iso3).param("unpublished", unpublished).query(Integer.class).list();
	}

	/**
	 * Per member state, the components of an item's indicators averaged over the years {@code from..to}; a country
	 * counts only when it reported every one of those years. Where a commodity answers to several FBS codes (rice:
	 * 2805, 2807) each country-year uses the first code it reported, so no value is counted twice.
	 */
	Map<String, Components> components(int[] items, int from, int to, boolean unpublished) {
		Map<String, Components> byCountry = new LinkedHashMap<>();
		jdbc.sql("""
				WITH yearly AS (
				    SELECT DISTINCT ON (country_iso3, year) country_iso3, year,
				           vals[array_position(element_codes, 5511)] AS production,
				           vals[array_position(element_codes, 5611)] AS imports,
				           vals[array_position(element_codes, 5911)] AS exports,
				           vals[array_position(element_codes, 5301)] AS domestic_supply,
				           vals[array_position(element_codes, 5142)] AS food,
				           vals[array_position(element_codes, 664)] AS kcal
				    FROM foodbalance.balance_line
				    WHERE item_code = ANY (CAST(:items AS integer[])) AND year BETWEEN :from AND :to
				      AND (:unpublished OR status = 'PUBLISHED')
				    ORDER BY country_iso3, year, array_position(CAST(:items AS integer[]), item_code)),
				population AS (
				    SELECT country_iso3, year, vals[array_position(element_codes, 511)] AS population
				    FROM foodbalance.balance_line
				    WHERE item_code = 2501 AND year BETWEEN :from AND :to AND (:unpublished OR status = 'PUBLISHED'))
				SELECT y.country_iso3,
				       avg(coalesce(y.production, 0)) AS production, avg(coalesce(y.imports, 0)) AS imports,
				       avg(coalesce(y.exports, 0)) AS exports, avg(y.domestic_supply) AS domestic_supply,
				       avg(y.food) AS food, avg(p.population) AS population, avg(y.kcal) AS kcal,
				       count(*) AS years, count(y.domestic_supply) AS supply_years, count(y.food) AS food_years,
				       count(p.population) AS population_years, count(y.kcal) AS kcal_years
				FROM yearly y LEFT JOIN population p ON (p.country_iso3, p.year) = (y.country_iso3, y.year)
				GROUP BY y.country_iso3
				HAVING count(*) = :years
				ORDER BY y.country_iso3
				""")
			.param("items", items)
			.param("from", from)
			.param("to", to)
			.param("years", to - from + 1)
			.param("unpublished", unpublished)
			.query((rs, n) -> {
				int years = rs.getInt("years");
				byCountry.put(rs.getString("country_iso3"), new Components(rs.getBigDecimal("production"),
						rs.getBigDecimal("imports"), rs.getBigDecimal("exports"),
						rs.getInt("supply_years") == years ? rs.getBigDecimal("domestic_supply") : null,
						rs.getInt("food_years") == years ? rs.getBigDecimal("food") : null,
						rs.getInt("population_years") == years ? rs.getBigDecimal("population") : null,
						rs.getInt("kcal_years") == years ? rs.getBigDecimal("kcal") : null));
				return null;
			})
			.list();
		return byCountry;
	}

}
