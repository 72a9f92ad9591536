package org.iofs.fse.home.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.reserves.ReservesSituation.ReserveStock;
import org.iofs.fse.shared.Named;

/**
 * A regional reserve's stock and what it covers, as a crisis response is planned: how many people its available
 * tonnes feed for three months (each commodity's energy per kilogram, 2,100 kcal a person a day, the planning
 * figure of WFP and the Sphere standards), and what share of the members' population that is. Unknown when a
 * commodity's energy or a member's population is missing, rather than understated.
 */
record ReserveCover(ReserveStock reserve, BigDecimal tonnes, Long peopleFed, Double shareOfMembers) implements Named {

	static final double KCAL_PER_PERSON_DAY = 2_100;

	static final int DAYS = 90;

	@Override
	public String name(Locale locale) {
		return reserve.name(locale);
	}

	static List<ReserveCover> of(List<ReserveStock> reserves, Collection<Commodity> commodities,
			Map<String, Double> populations) {
		Map<String, Integer> kcalPerKg = new HashMap<>();
		commodities.stream().filter(c -> c.kcalPerKg() != null).forEach(c -> kcalPerKg.put(c.code(), c.kcalPerKg()));
		return reserves.stream().map(reserve -> of(reserve, kcalPerKg, populations)).toList();
	}

	private static ReserveCover of(ReserveStock reserve, Map<String, Integer> kcalPerKg, Map<String, Double> populations) {
		if (!reserve.tonnes().keySet().stream().allMatch(kcalPerKg::containsKey)) {
			return new ReserveCover(reserve, reserve.totalTonnes(), null, null);
		}
		double kcal = reserve.tonnes().entrySet().stream()
			.mapToDouble(e -> e.getValue().doubleValue() * 1_000 * kcalPerKg.get(e.getKey()))
			.sum();
		long people = Math.round(kcal / (KCAL_PER_PERSON_DAY * DAYS));
		boolean everyPopulation = !reserve.members().isEmpty()
				&& reserve.members().stream().allMatch(populations::containsKey);
		Double share = everyPopulation
				? people / reserve.members().stream().mapToDouble(populations::get).sum() * 100 : null;
		return new ReserveCover(reserve, reserve.totalTonnes(), people, share);
	}

}
