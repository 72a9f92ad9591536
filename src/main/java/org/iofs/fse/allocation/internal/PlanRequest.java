package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a plan is asked for: demands (or the approved release requests waiting for dispatch), and settings; every
 * setting may be left out for its default. With {@code ifpaOffers}, offers on IFPA's board that could reach a
 * demand's member are supply too, at their landed cost.
 */
public record PlanRequest(String label, List<DemandInput> demands, Boolean fromApprovedRequests,
		SettingsInput settings, Boolean ifpaOffers) {

	public PlanRequest(String label, List<DemandInput> demands, Boolean fromApprovedRequests, SettingsInput settings) {
		this(label, demands, fromApprovedRequests, settings, null);
	}

	/**
	 * One demand; substitutes are other commodities it accepts, tonne for tonne; fromHubs, when given, are the only
	 * hubs it may be served from (a release request's are its reserve's hubs).
	 */
	public record DemandInput(String country, String commodity, BigDecimal tonnes, LocalDate needBy, Integer priority,
			List<String> substitutes, String deliveryPoint, Long releaseRequest, List<String> fromHubs) {
	}

	/**
	 * @param departOn the day shipments leave (default today)
	 * @param maxTransitDays the longest transit allowed (default 45, the IOFS target's upper end)
	 * @param penaltyPerTonne what a tonne left unmet costs, times the demand's priority (default 10,000 USD)
	 * @param shelfLifeCostPerTonneDay a small cost per tonne and day of shelf life left, so that the lot that expires
	 *        first goes first (default 0.001 USD)
	 * @param minShipmentTonnes the smallest shipment worth sending (default none; when set, a mixed-integer program)
	 * @param transshipment whether stock may go through another hub (default true)
	 * @param closedRoutes routes to leave out (what-if)
	 * @param emptyHubs hubs whose stock to leave out (what-if)
	 * @param timeLimitSeconds the most the solver may take (default 60)
	 */
	public record SettingsInput(LocalDate departOn, Integer maxTransitDays, BigDecimal penaltyPerTonne,
			BigDecimal shelfLifeCostPerTonneDay, BigDecimal minShipmentTonnes, Boolean transshipment,
			List<Long> closedRoutes, List<String> emptyHubs, Integer timeLimitSeconds) {

		static final SettingsInput NONE = new SettingsInput(null, null, null, null, null, null, null, null, null);

		/** These settings with the what-if changes of another: routes closed and hubs emptied are added. */
		SettingsInput with(SettingsInput change) {
			return new SettingsInput(departOn, maxTransitDays, penaltyPerTonne, shelfLifeCostPerTonneDay,
					change.minShipmentTonnes() != null ? change.minShipmentTonnes() : minShipmentTonnes, transshipment,
					union(closedRoutes, change.closedRoutes()), union(emptyHubs, change.emptyHubs()), timeLimitSeconds);
		}

		private static <T> List<T> union(List<T> a, List<T> b) {
			return Stream.concat(a == null ? Stream.<T>empty() : a.stream(), b == null ? Stream.<T>empty() : b.stream())
				.distinct()
				.toList();
		}

	}

}
