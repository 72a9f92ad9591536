package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the food balance database: a country's sheet for a year, with its checks and indicators, and one
 * indicator across all members with the OIC groups and the OIC total. Visitors read published values; the
 * Secretariat and the country's focal points also read drafts.
 */
@Service
public class FoodBalance {

	private final BalanceQueries queries;

	private final Countries countries;

	private final Commodities commodities;

	private final AccessPolicy access;

	private final MessageSource messages;

	FoodBalance(BalanceQueries queries, Countries countries, Commodities commodities, AccessPolicy access,
			MessageSource messages) {
		this.queries = queries;
		this.countries = countries;
		this.commodities = commodities;
		this.access = access;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public Sheet sheet(String iso3, int year, String commodityCode) {
		Country country = countries.get(iso3);
		checkYear(year);
		boolean unpublished = mayReadUnpublished(Scope.country(country.iso3()));
		Optional<Commodity> commodity = Optional.ofNullable(commodityCode).map(commodities::get);
		Map<Integer, Commodity> byFbsCode = commoditiesByFbsCode();
		Map<Integer, List<BalanceQueries.Value>> byItem = new LinkedHashMap<>();
		BigDecimal population = null;
		boolean demo = false;
		for (BalanceQueries.Value value : queries.sheet(country.iso3(), year, unpublished)) {
			demo |= value.demo();
			if (value.itemCode() == Element.POPULATION_ITEM) {
				if (value.elementCode() == Element.POPULATION) {
					population = value.value();
				}
			}
			else if (commodity.isEmpty() || commodity.get().fbsItemCodes().contains(value.itemCode())) {
				byItem.computeIfAbsent(value.itemCode(), k -> new ArrayList<>()).add(value);
			}
		}
		BigDecimal people = population;
		Map<Integer, BigDecimal> derived = queries.derivedEnergyPerKg(byItem.keySet().stream().mapToInt(i -> i).toArray());
		List<SheetItem> items = new ArrayList<>();
		byItem.forEach((item, values) -> items.add(item(item, values, people, byFbsCode.get(item), country.iso3(), year,
				unpublished, derived.get(item))));
		return new Sheet(country.iso3(), year, population, demo, items);
	}

	/** The years the reader may see for a country, newest first. */
	@Transactional(readOnly = true)
	public List<Integer> years(String iso3) {
		Country country = countries.get(iso3);
		return queries.years(country.iso3(), mayReadUnpublished(Scope.country(country.iso3())));
	}

	@Transactional(readOnly = true)
	public IndicatorTable indicator(String code, String commodityCode, int year) {
		Indicator indicator = Indicator.of(code)
			.orElseThrow(() -> new NotFoundException("indicator", code));
		checkYear(year);
		if (indicator != Indicator.CEREAL_IMPORT_DEPENDENCY_RATIO && (commodityCode == null || commodityCode.isBlank())) {
			throw new InvalidInputException("commodity", "is required for " + indicator.code());
		}
		Commodity commodity = commodities.get(
				indicator == Indicator.CEREAL_IMPORT_DEPENDENCY_RATIO ? "cereals" : commodityCode);
		boolean unpublished = mayReadUnpublished(Scope.GLOBAL);
		Map<String, Components> byCountry = queries.components(codes(commodity), year - indicator.years() + 1, year,
				unpublished);
		BigDecimal derived = indicator == Indicator.FOOD_SUPPLY_KCAL ? derivedEnergyPerKg(commodity) : null;
		List<IndicatorRow> rows = new ArrayList<>();
		Map<OicGroup, Components> byGroup = new EnumMap<>(OicGroup.class);
		Components oic = Components.NONE;
		for (Country country : countries.all()) {
			Components components = byCountry.get(country.iso3());
			if (components != null) {
				components = components.withEnergy(derived, commodity.kcalPerKg());
			}
			BigDecimal value = components == null ? null : components.value(indicator);
			rows.add(new IndicatorRow(country.iso3(), country.oicGroup().name(), round(value),
					components == null ? null : components.source(indicator)));
			if (value != null) {
				byGroup.merge(country.oicGroup(), components, Components::plus);
				oic = oic.plus(components);
			}
		}
		Map<String, BigDecimal> groups = new LinkedHashMap<>();
		for (OicGroup group : OicGroup.values()) {
			groups.put(group.name(), round(byGroup.getOrDefault(group, Components.NONE).value(indicator)));
		}
		return new IndicatorTable(describe(indicator), commodity.code(), year, rows, groups,
				round(oic.value(indicator)), oic.source(indicator), derived);
	}

	/** A country's time series of one commodity: production, imports, exports, domestic supply and food. */
	@Transactional(readOnly = true)
	public Series series(String iso3, String commodityCode) {
		Country country = countries.get(iso3);
		Commodity commodity = commodities.get(commodityCode);
		int[] elements = { Element.PRODUCTION, Element.IMPORTS, Element.EXPORTS, Element.DOMESTIC_SUPPLY, Element.FOOD };
		TreeMap<Integer, Map<Integer, BigDecimal>> byYear = new TreeMap<>();
		for (Object[] row : queries.series(country.iso3(), codes(commodity), elements,
				mayReadUnpublished(Scope.country(country.iso3())))) {
			byYear.computeIfAbsent((Integer) row[0], k -> new HashMap<>()).put((Integer) row[1], (BigDecimal) row[2]);
		}
		List<Integer> years = new ArrayList<>(byYear.keySet());
		Map<Integer, List<BigDecimal>> values = new LinkedHashMap<>();
		for (int element : elements) {
			values.put(element, years.stream().map(y -> byYear.get(y).get(element)).toList());
		}
		return new Series(country.iso3(), commodity.code(), years, values);
	}

	/**
	 * A member's published production (thousand tonnes) and self-sufficiency ratio (%) of a commodity, year by year,
	 * whoever asks: figures other capabilities measure against (a project's results) must not change with the reader.
	 */
	@Transactional(readOnly = true)
	public List<FoodBalanceFacts.YearlyMeasure> publishedMeasures(String iso3, String commodityCode) {
		Country country = countries.get(iso3);
		Commodity commodity = commodities.get(commodityCode);
		int[] elements = { Element.PRODUCTION, Element.IMPORTS, Element.EXPORTS };
		TreeMap<Integer, Map<Integer, BigDecimal>> byYear = new TreeMap<>();
		for (Object[] row : queries.series(country.iso3(), codes(commodity), elements, false)) {
			byYear.computeIfAbsent((Integer) row[0], k -> new HashMap<>()).put((Integer) row[1], (BigDecimal) row[2]);
		}
		List<FoodBalanceFacts.YearlyMeasure> measures = new ArrayList<>();
		byYear.forEach((year, values) -> {
			Components components = new Components(values.get(Element.PRODUCTION), values.get(Element.IMPORTS),
					values.get(Element.EXPORTS), null, null, null, null);
			measures.add(new FoodBalanceFacts.YearlyMeasure(year, values.get(Element.PRODUCTION),
					round(components.value(Indicator.SELF_SUFFICIENCY_RATIO))));
		});
		return measures;
	}

	/** One commodity across the members in one year: quantities and ratios per country, for maps and rankings. */
	@Transactional(readOnly = true)
	public CommodityYear commodityYear(String commodityCode, Integer year) {
		Commodity commodity = commodities.get(commodityCode);
		boolean unpublished = mayReadUnpublished(Scope.GLOBAL);
		List<Integer> years = queries.yearsOf(codes(commodity), unpublished);
		if (years.isEmpty()) {
			return new CommodityYear(commodity.code(), years, null, false, List.of());
		}
		int shown = year != null && years.contains(year) ? year : years.get(0);
		Map<String, Components> byCountry = queries.components(codes(commodity), shown, shown, unpublished);
		List<CountryQuantities> rows = new ArrayList<>();
		for (Country country : countries.all()) {
			Components c = byCountry.get(country.iso3());
			if (c != null) {
				rows.add(new CountryQuantities(country.iso3(), c.production(), c.imports(), c.exports(),
						c.domesticSupply(), round(c.value(Indicator.SELF_SUFFICIENCY_RATIO)),
						round(c.value(Indicator.IMPORT_DEPENDENCY_RATIO))));
			}
		}
		return new CommodityYear(commodity.code(), years, shown, queries.anyDemo(codes(commodity), shown), rows);
	}

	private SheetItem item(int item, List<BalanceQueries.Value> values, BigDecimal population, Commodity commodity,
			String iso3, int year, boolean unpublished, BigDecimal derivedKcalPerKg) {
		Map<Integer, BigDecimal> byElement = new HashMap<>();
		values.forEach(v -> byElement.put(v.elementCode(), v.value()));
		Components components = new Components(byElement.get(Element.PRODUCTION), byElement.get(Element.IMPORTS),
				byElement.get(Element.EXPORTS), byElement.get(Element.DOMESTIC_SUPPLY), byElement.get(Element.FOOD),
				population, byElement.get(Element.FOOD_ENERGY))
			.withEnergy(derivedKcalPerKg, commodity == null ? null : commodity.kcalPerKg());
		List<IndicatorValue> indicators = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			if (indicator == Indicator.CEREAL_IMPORT_DEPENDENCY_RATIO) {
				if (commodity != null && commodity.code().equals("cereals")) {
					Components averaged = queries.components(codes(commodity), year - 2, year, unpublished).get(iso3);
					indicators.add(new IndicatorValue(describe(indicator),
							averaged == null ? null : round(averaged.value(indicator)), null));
				}
				continue;
			}
			indicators.add(new IndicatorValue(describe(indicator), round(components.value(indicator)),
					components.source(indicator)));
		}
		List<SheetValue> elements = values.stream()
			.map(v -> new SheetValue(v.elementCode(), v.elementName(), v.value(), v.unit(), v.flag(), v.flagClass(),
					v.status()))
			.toList();
		return new SheetItem(item, values.get(0).itemName(), commodity == null ? null : commodity.code(), elements,
				List.of(BalanceCheck.supply(byElement, BalanceCheck.DEFAULT_TOLERANCE),
						BalanceCheck.use(byElement, BalanceCheck.DEFAULT_TOLERANCE)),
				indicators);
	}

	private boolean mayReadUnpublished(Scope country) {
		return CurrentCaller.get()
			.map(caller -> access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
					|| access.allows(caller, Action.READ_COUNTRY_DATA, country))
			.orElse(false);
	}

	private Map<Integer, Commodity> commoditiesByFbsCode() {
		Map<Integer, Commodity> byCode = new HashMap<>();
		for (Commodity commodity : commodities.all()) {
			commodity.fbsItemCodes().forEach(code -> byCode.put(code, commodity));
		}
		return byCode;
	}

	private IndicatorDefinition describe(Indicator indicator) {
		String key = indicator.messageKey();
		return new IndicatorDefinition(indicator.code(), indicator.unit(), indicator.formula(),
				new LocalizedText(messages.getMessage(key, null, Locale.ENGLISH),
						messages.getMessage(key, null, Locale.forLanguageTag("ar")),
						messages.getMessage(key, null, Locale.FRENCH)));
	}

	/** A commodity's energy per kg from FAOSTAT's pairs: that of the first of its FBS codes that has pairs. */
	private BigDecimal derivedEnergyPerKg(Commodity commodity) {
		Map<Integer, BigDecimal> byItem = queries.derivedEnergyPerKg(codes(commodity));
		return commodity.fbsItemCodes().stream().map(byItem::get).filter(java.util.Objects::nonNull).findFirst()
			.orElse(null);
	}

	private static int[] codes(Commodity commodity) {
		return commodity.fbsItemCodes().stream().mapToInt(Integer::intValue).toArray();
	}

	private static void checkYear(int year) {
		if (year < 1900 || year > 2100) {
			throw new InvalidInputException("year", "must be between 1900 and 2100, was " + year);
		}
	}

	private static BigDecimal round(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** {@code demo} is true when any value shown was generated demo data, not imported or entered. */
	public record Sheet(String country, int year, BigDecimal population, boolean demo, List<SheetItem> items) {
	}

	public record SheetItem(int itemCode, String itemName, String commodity, List<SheetValue> elements,
			List<BalanceCheck> checks, List<IndicatorValue> indicators) {

		/** The value of one element, or null when the sheet has none. */
		public SheetValue value(int elementCode) {
			return elements.stream().filter(v -> v.elementCode() == elementCode).findFirst().orElse(null);
		}

	}

	public record SheetValue(int elementCode, String element, BigDecimal value, String unit, String flag,
			String flagClass, String status) {
	}

	/** Values per element code, one per year, null where the year has none. */
	public record Series(String country, String commodity, List<Integer> years, Map<Integer, List<BigDecimal>> values) {
	}

	public record CountryQuantities(String country, BigDecimal production, BigDecimal imports, BigDecimal exports,
			BigDecimal domesticSupply, BigDecimal selfSufficiency, BigDecimal importDependency) {
	}

	public record CommodityYear(String commodity, List<Integer> years, Integer year, boolean demo,
			List<CountryQuantities> countries) {
	}

	public record IndicatorDefinition(String code, String unit, String formula, LocalizedText definition) {
	}

	/** {@code source} says where a food energy figure comes from (FAOSTAT's, or computed and how); else null. */
	public record IndicatorValue(IndicatorDefinition indicator, BigDecimal value, FoodEnergySource source) {
	}

	public record IndicatorRow(String country, String group, BigDecimal value, FoodEnergySource source) {
	}

	/**
	 * @param derivedKcalPerKg for food energy, the energy per kg derived from FAOSTAT's pairs that computed figures
	 *        used (null when none could be derived)
	 */
	public record IndicatorTable(IndicatorDefinition indicator, String commodity, int year, List<IndicatorRow> countries,
			Map<String, BigDecimal> groups, BigDecimal oic, FoodEnergySource oicSource, BigDecimal derivedKcalPerKg) {
	}

}
