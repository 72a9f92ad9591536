package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * How the demo network costs a trip from the great-circle distance d between two places. Each mode goes further
 * than d (roads and rails wind, ships go round coasts) by a detour factor, at a speed, with days of handling at
 * both ends, a fixed cost per tonne (loading, port or terminal charges) and a cost per tonne-kilometre. The figures
 * are round orders of magnitude for bulk grain, for demonstration only:
 *
 * <pre>
 * mode  reach         detour  km/day  handling  USD/t fixed  USD/t-km  capacity per period
 * ROAD  d <= 3,000    1.3     500     1 day     8            0.050     15,000 t
 * RAIL  d <= 2,500    1.25    400     3 days    10           0.030     30,000 t
 * SEA   both coastal  1.5     450     6 days    18           0.008     unlimited
 * </pre>
 */
public enum DemoModes {

	ROAD(3_000, 1.3, 500, 1, 8, 0.05, 15_000), RAIL(2_500, 1.25, 400, 3, 10, 0.03, 30_000), SEA(Double.MAX_VALUE, 1.5,
			450, 6, 18, 0.008, 0);

	/** Members without a sea coast (Azerbaijan's is the Caspian, so no ocean shipping). */
	static final Set<String> LANDLOCKED = Set.of("AFG", "AZE", "BFA", "KAZ", "KGZ", "MLI", "NER", "TCD", "TJK", "TKM",
			"UGA", "UZB");

	private final double reachKm;

	private final double detour;

	private final double kmPerDay;

	private final int handlingDays;

	private final double fixedPerTonne;

	private final double perTonneKm;

	private final double capacity;

	DemoModes(double reachKm, double detour, double kmPerDay, int handlingDays, double fixedPerTonne,
			double perTonneKm, double capacity) {
		this.reachKm = reachKm;
		this.detour = detour;
		this.kmPerDay = kmPerDay;
		this.handlingDays = handlingDays;
		this.fixedPerTonne = fixedPerTonne;
		this.perTonneKm = perTonneKm;
		this.capacity = capacity;
	}

	boolean canGo(double km, boolean bothCoastal) {
		return this == SEA ? bothCoastal && km > 300 : km <= reachKm;
	}

	public BigDecimal costPerTonne(double km) {
		return BigDecimal.valueOf(fixedPerTonne + perTonneKm * km * detour).setScale(2, RoundingMode.HALF_UP);
	}

	public int transitDays(double km) {
		return handlingDays + (int) Math.ceil(km * detour / kmPerDay);
	}

	BigDecimal capacityTonnes() {
		return capacity == 0 ? null : BigDecimal.valueOf(capacity);
	}

	public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
		return org.iofs.fse.shared.GreatCircle.km(lat1, lon1, lat2, lon2);
	}

}
