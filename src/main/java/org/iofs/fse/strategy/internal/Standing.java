package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.countries.Country;
import org.iofs.fse.foodbalance.FoodBalanceFacts.MemberYear;

/**
 * A commodity's balance read from the members' published sheets: the OIC's and each group's production, imports,
 * exports, use and self-sufficiency year by year (sums of the members that published the year), and where each
 * member stands in its latest year: its ratio and its exportable surplus. Quantities in thousand tonnes, as FAOSTAT
 * publishes them; the self-sufficiency ratio as everywhere on the platform, production over production plus imports
 * minus exports.
 */
final class Standing {

	static final String OIC = "OIC";

	/** One scope's (the OIC or a group) balance in one year. */
	record ScopeYear(String scope, int year, BigDecimal production, BigDecimal imports, BigDecimal exports,
			BigDecimal use, BigDecimal selfSufficiency, int members) {
	}

	/**
	 * A member in its latest published year: the exportable surplus is production above domestic use, or its exports
	 * where they are larger (a member may export what it also imports), in thousand tonnes.
	 */
	record Member(String iso3, int year, BigDecimal production, BigDecimal imports, BigDecimal exports,
			BigDecimal use, BigDecimal selfSufficiency, BigDecimal surplus) {

		public boolean deficit() {
			return selfSufficiency != null && selfSufficiency.compareTo(BigDecimal.valueOf(100)) < 0;
		}

	}

	private final List<ScopeYear> history;

	private final List<Member> members;

	/** Each member's self-sufficiency year by year, for its projected path. */
	private final Map<String, List<Trend.Point>> memberSeries;

	private Standing(List<ScopeYear> history, List<Member> members, Map<String, List<Trend.Point>> memberSeries) {
		this.history = history;
		this.members = members;
		this.memberSeries = memberSeries;
	}

	static Standing of(List<MemberYear> years, List<Country> countries) {
		Map<String, Country> byIso3 = countries.stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		Map<String, Map<Integer, Sum>> sums = new TreeMap<>();
		Map<String, MemberYear> latest = new TreeMap<>();
		Map<String, List<Trend.Point>> series = new TreeMap<>();
		for (MemberYear year : years) {
			Country country = byIso3.get(year.iso3());
			if (country == null || year.production() == null && year.imports() == null && year.exports() == null) {
				continue;
			}
			sums.computeIfAbsent(OIC, k -> new TreeMap<>()).computeIfAbsent(year.year(), k -> new Sum()).add(year);
			sums.computeIfAbsent(country.oicGroup().name(), k -> new TreeMap<>())
				.computeIfAbsent(year.year(), k -> new Sum()).add(year);
			latest.merge(year.iso3(), year, (a, b) -> a.year() >= b.year() ? a : b);
			BigDecimal production = zero(year.production());
			BigDecimal ratio = ratio(production, production.add(zero(year.imports())).subtract(zero(year.exports())));
			if (ratio != null) {
				series.computeIfAbsent(year.iso3(), k -> new ArrayList<>()).add(new Trend.Point(year.year(), ratio.doubleValue()));
			}
		}
		List<ScopeYear> history = new ArrayList<>();
		sums.forEach((scope, byYear) -> byYear.forEach((year, sum) -> history.add(new ScopeYear(scope, year,
				sum.production, sum.imports, sum.exports, sum.use(), ratio(sum.production, sum.use()), sum.members))));
		List<Member> members = latest.values().stream().map(Standing::member)
			.sorted(Comparator.comparing(Member::iso3)).toList();
		return new Standing(history, members, series);
	}

	private static Member member(MemberYear year) {
		BigDecimal production = zero(year.production());
		BigDecimal use = production.add(zero(year.imports())).subtract(zero(year.exports()));
		BigDecimal domestic = year.domesticSupply() != null ? year.domesticSupply() : use;
		BigDecimal surplus = production.subtract(domestic).max(zero(year.exports())).max(BigDecimal.ZERO);
		return new Member(year.iso3(), year.year(), year.production(), year.imports(), year.exports(), use,
				ratio(production, use), surplus);
	}

	List<ScopeYear> history() {
		return history;
	}

	List<ScopeYear> history(String scope) {
		return history.stream().filter(y -> y.scope().equals(scope)).toList();
	}

	List<Member> members() {
		return members;
	}

	List<Trend.Point> memberSeries(String iso3) {
		return memberSeries.getOrDefault(iso3, List.of());
	}

	static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() <= 0) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
	}

	private static BigDecimal zero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static final class Sum {

		BigDecimal production = BigDecimal.ZERO;

		BigDecimal imports = BigDecimal.ZERO;

		BigDecimal exports = BigDecimal.ZERO;

		int members;

		void add(MemberYear year) {
			production = production.add(zero(year.production()));
			imports = imports.add(zero(year.imports()));
			exports = exports.add(zero(year.exports()));
			members++;
		}

		BigDecimal use() {
			return production.add(imports).subtract(exports);
		}

	}

}
