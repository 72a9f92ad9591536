package org.iofs.fse.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.iofs.fse.allocation.internal.AllocationModel.Demand;
import org.iofs.fse.allocation.internal.AllocationModel.Leg;
import org.iofs.fse.allocation.internal.AllocationModel.Result;
import org.iofs.fse.allocation.internal.AllocationModel.Settings;
import org.iofs.fse.allocation.internal.AllocationModel.SupplyLot;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;

/**
 * The optimiser on instances small enough to solve by hand, on the cases where demand cannot be met (with the
 * reason), and on random instances whose exported MPS model ojAlgo, a second solver, solves to the same objective.
 */
class AllocationModelTest {

	static final LocalDate DAY = LocalDate.of(2027, 1, 4);

	static final LocalDate FAR = DAY.plusYears(2);

	/** No shelf-life term, so that the optimum is the transport cost alone. */
	static Settings settings() {
		return new Settings(DAY, 45, 1000, 0, null, true, 0);
	}

	static Demand demand(int no, String point, String commodity, double tonnes, int needByDays, int priority) {
		return new Demand(no, "YEM", point, commodity, Set.of(commodity), tonnes, DAY.plusDays(needByDays), priority);
	}

	static SupplyLot lot(long id, String hub, String commodity, double tonnes, LocalDate bestBefore) {
		return new SupplyLot(id, hub, commodity, tonnes, bestBefore, DAY.minusMonths(3));
	}

	static Leg toPoint(long id, String hub, String point, String mode, double cost, int days, Double capacity) {
		return new Leg(id, hub, null, point, mode, cost, days, capacity);
	}

	// Hub A ships at 10 USD/t, hub B at 20; each holds 100 t; 150 t wanted: 100 from A and 50 from B = 2,000 USD.
	static List<SupplyLot> twoHubs() {
		return List.of(lot(1, "A", "wheat", 100, FAR), lot(2, "B", "wheat", 100, FAR));
	}

	static List<Leg> twoRoutes(Double capacityFromA) {
		return List.of(toPoint(11, "A", "P", "ROAD", 10, 5, capacityFromA), toPoint(12, "B", "P", "SEA", 20, 5, null));
	}

	@Test
	void takesTheCheapestStockFirst() {
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 150, 30, 1)), twoHubs(), twoRoutes(null),
				settings());

		assertThat(plan.status()).isEqualTo("OPTIMAL");
		assertThat(plan.solver()).isEqualTo("GLOP");
		assertThat(plan.objective()).isCloseTo(2000, within(1e-6));
		assertThat(plan.transportCost()).isEqualTo(2000);
		assertThat(plan.lines()).extracting(l -> l.lot().id() + ":" + l.tonnes() + ":" + l.path().mode())
			.containsExactly("1:100.0:ROAD", "2:50.0:SEA");
		assertThat(plan.lines()).allSatisfy(l -> assertThat(l.arrival()).isEqualTo(DAY.plusDays(5)));
		assertThat(plan.demands().get(0).unmet()).isZero();
		assertThat(plan.demands().get(0).reason()).isNull();
	}

	@Test
	void aRouteCarriesNoMoreThanItsCapacity() {
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 150, 30, 1)), twoHubs(), twoRoutes(60.0),
				settings());

		// 60 t from A at 10 + 90 t from B at 20.
		assertThat(plan.objective()).isCloseTo(2400, within(1e-6));
		assertThat(plan.lines()).extracting(l -> l.lot().id() + ":" + l.tonnes()).containsExactly("1:60.0", "2:90.0");
	}

	@Test
	void demandBeyondTheStockIsLeftUnmetAndPenalisedByPriority() {
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 300, 30, 2)), twoHubs(), twoRoutes(null),
				settings());

		// 1,000 + 2,000 transport, 100 t unmet at 1,000 USD x priority 2.
		assertThat(plan.objective()).isCloseTo(203_000, within(1e-6));
		assertThat(plan.demands().get(0).met()).isEqualTo(200);
		assertThat(plan.demands().get(0).unmet()).isEqualTo(100);
		assertThat(plan.demands().get(0).reason()).isEqualTo(UnmetReason.NOT_ENOUGH_STOCK);
	}

	@Test
	void theHigherPriorityDemandIsServedFirst() {
		List<Demand> demands = List.of(demand(1, "P", "wheat", 150, 30, 1), demand(2, "Q", "wheat", 150, 30, 5));
		List<Leg> legs = List.of(toPoint(11, "A", "P", "ROAD", 10, 5, null), toPoint(12, "A", "Q", "ROAD", 50, 5, null));
		Result plan = AllocationModel.solve(demands, List.of(lot(1, "A", "wheat", 200, FAR)), legs, settings());

		// Q (priority 5) gets all 150 t although it costs more to reach; P gets the 50 t left.
		assertThat(plan.demands()).extracting(o -> o.demand() + ":" + o.met() + ":" + o.unmet())
			.containsExactly("1:50.0:100.0", "2:150.0:0.0");
	}

	@Test
	void aLotThatWouldExpireBeforeArrivalIsNotSent() {
		List<SupplyLot> lots = List.of(lot(1, "A", "wheat", 100, DAY.plusDays(3)));
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 50, 30, 1)), lots, twoRoutes(null), settings());

		assertThat(plan.lines()).isEmpty();
		assertThat(plan.demands().get(0).reason()).isEqualTo(UnmetReason.EXPIRES_BEFORE_ARRIVAL);
	}

	@Test
	void stockThatCannotArriveByTheNeedByDateOrWithinTheMaximumTransitIsNotSent() {
		Result late = AllocationModel.solve(List.of(demand(1, "P", "wheat", 50, 3, 1)), twoHubs(), twoRoutes(null),
				settings());
		assertThat(late.lines()).isEmpty();
		assertThat(late.demands().get(0).reason()).isEqualTo(UnmetReason.NO_ROUTE_IN_TIME);

		List<Leg> slow = List.of(toPoint(11, "A", "P", "SEA", 10, 50, null));
		Result tooLong = AllocationModel.solve(List.of(demand(1, "P", "wheat", 50, 90, 1)), twoHubs(), slow, settings());
		assertThat(tooLong.lines()).isEmpty();
		assertThat(tooLong.demands().get(0).reason()).isEqualTo(UnmetReason.NO_ROUTE_IN_TIME);
	}

	@Test
	void unmetDemandSaysWhetherStockOrARouteIsMissing() {
		Result noStock = AllocationModel.solve(List.of(demand(1, "P", "rice", 50, 30, 1)), twoHubs(), twoRoutes(null),
				settings());
		assertThat(noStock.demands().get(0).reason()).isEqualTo(UnmetReason.NO_STOCK);

		Result noRoute = AllocationModel.solve(List.of(demand(1, "Z", "wheat", 50, 30, 1)), twoHubs(), twoRoutes(null),
				settings());
		assertThat(noRoute.demands().get(0).reason()).isEqualTo(UnmetReason.NO_ROUTE);

		Result full = AllocationModel.solve(List.of(demand(1, "P", "wheat", 150, 30, 1)), twoHubs(),
				List.of(toPoint(11, "A", "P", "ROAD", 10, 5, 60.0)), settings());
		assertThat(full.demands().get(0).reason()).isEqualTo(UnmetReason.CAPACITY);
	}

	@Test
	void aCommodityIsReplacedOnlyWhereTheDemandAcceptsIt() {
		Demand strict = demand(1, "P", "rice", 50, 30, 1);
		Demand flexible = new Demand(2, "YEM", "Q", "rice", Set.of("rice", "wheat"), 50, DAY.plusDays(30), 1);
		List<Leg> legs = List.of(toPoint(11, "A", "P", "ROAD", 10, 5, null), toPoint(12, "A", "Q", "ROAD", 10, 5, null));
		Result plan = AllocationModel.solve(List.of(strict, flexible), List.of(lot(1, "A", "wheat", 100, FAR)), legs,
				settings());

		assertThat(plan.demands()).extracting(o -> o.demand() + ":" + o.met()).containsExactly("1:0.0", "2:50.0");
	}

	@Test
	void aDemandLimitedToSomeHubsIsServedOnlyFromThem() {
		// A release request comes from its reserve's hubs: B only, though A is cheaper.
		Demand fromB = new Demand(1, "YEM", "P", "wheat", Set.of("wheat"), 150, DAY.plusDays(30), 1, Set.of("B"));
		Result plan = AllocationModel.solve(List.of(fromB), twoHubs(), twoRoutes(null), settings());

		assertThat(plan.lines()).extracting(l -> l.lot().hub() + ":" + l.tonnes()).containsExactly("B:100.0");
		assertThat(plan.demands().get(0).unmet()).isEqualTo(50);
		assertThat(plan.demands().get(0).reason()).isEqualTo(UnmetReason.NOT_ENOUGH_STOCK);
	}

	@Test
	void stockMayGoThroughAnotherHub() {
		// A has the stock but no route to P; A to B by rail, then B to P by sea.
		List<Leg> legs = List.of(new Leg(21, "A", "B", null, "RAIL", 4, 2, null), toPoint(12, "B", "P", "SEA", 20, 5, null));
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 80, 30, 1)),
				List.of(lot(1, "A", "wheat", 100, FAR)), legs, settings());

		assertThat(plan.objective()).isCloseTo(80 * 24, within(1e-6));
		assertThat(plan.lines()).singleElement().satisfies(l -> {
			assertThat(l.path().mode()).isEqualTo("RAIL+SEA");
			assertThat(l.arrival()).isEqualTo(DAY.plusDays(7));
		});
		Settings direct = new Settings(DAY, 45, 1000, 0, null, false, 0);
		assertThat(AllocationModel.solve(List.of(demand(1, "P", "wheat", 80, 30, 1)),
				List.of(lot(1, "A", "wheat", 100, FAR)), legs, direct).lines()).isEmpty();
	}

	@Test
	void ofTwoEqualLotsTheOneThatExpiresFirstGoes() {
		List<SupplyLot> lots = List.of(lot(1, "A", "wheat", 100, DAY.plusDays(400)), lot(2, "A", "wheat", 100,
				DAY.plusDays(100)));
		Settings fefo = new Settings(DAY, 45, 1000, 0.001, null, true, 0);
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 50, 30, 1)), lots, twoRoutes(null), fefo);

		assertThat(plan.lines()).singleElement().satisfies(l -> assertThat(l.lot().id()).isEqualTo(2));
	}

	@Test
	void aMinimumShipmentSizeMakesItAMixedIntegerProgram() {
		Settings minimum = new Settings(DAY, 45, 1000, 0, 60.0, true, 0);
		Result plan = AllocationModel.solve(List.of(demand(1, "P", "wheat", 150, 30, 1)), twoHubs(), twoRoutes(null),
				minimum);

		// The linear optimum ships 50 t from B; with at least 60 t a shipment: 90 from A and 60 from B.
		assertThat(plan.solver()).isEqualTo("SCIP");
		assertThat(plan.status()).isEqualTo("OPTIMAL");
		assertThat(plan.objective()).isCloseTo(2100, within(1e-6));
		assertThat(plan.lines()).extracting(l -> l.lot().id() + ":" + l.tonnes()).containsExactly("1:90.0", "2:60.0");
	}

	@Test
	void theSameInputGivesTheSamePlan() {
		Instance instance = Instance.random(new Random(7), 6, 8, 3);
		Result first = AllocationModel.solve(instance.demands, instance.lots, instance.legs, instance.settings(null));
		Result second = AllocationModel.solve(instance.demands, instance.lots, instance.legs, instance.settings(null));

		assertThat(second.lines()).isEqualTo(first.lines());
		assertThat(second.mps()).isEqualTo(first.mps());
		assertThat(second.solution()).isEqualTo(first.solution());
	}

	@Test
	void ojAlgoSolvesTheExportedModelsToTheSameObjective() {
		Random random = new Random(20261129);
		for (int i = 0; i < 20; i++) {
			Instance instance = Instance.random(random, 3 + random.nextInt(6), 4 + random.nextInt(10), 1 + random.nextInt(3));
			Result plan = AllocationModel.solve(instance.demands, instance.lots, instance.legs, instance.settings(null));
			assertThat(plan.status()).isEqualTo("OPTIMAL");
			assertThat(ojAlgo(plan.mps())).as("instance %d", i).isCloseTo(plan.objective(),
					within(1e-6 * Math.max(1, Math.abs(plan.objective()))));
		}
	}

	@Test
	void ojAlgoAgreesOnMixedIntegerModelsToo() {
		Random random = new Random(42);
		for (int i = 0; i < 5; i++) {
			Instance instance = Instance.random(random, 3, 4, 2);
			Result plan = AllocationModel.solve(instance.demands, instance.lots, instance.legs, instance.settings(40.0));
			assertThat(plan.status()).isEqualTo("OPTIMAL");
			assertThat(ojAlgo(plan.mps())).as("instance %d", i).isCloseTo(plan.objective(),
					within(1e-6 * Math.max(1, Math.abs(plan.objective()))));
		}
	}

	@Test
	void leavingOutTheDearerWaysThatACheaperUnlimitedOneMakesUselessKeepsTheOptimum() {
		Random random = new Random(20261203);
		int fewer = 0;
		for (int i = 0; i < 30; i++) {
			Instance instance = Instance.random(random, 2 + random.nextInt(6), 3 + random.nextInt(10), 1 + random.nextInt(4));
			Result pruned = AllocationModel.build(instance.demands, instance.lots, List.of(), instance.legs,
					instance.settings(null), true).solve();
			Result full = AllocationModel.build(instance.demands, instance.lots, List.of(), instance.legs,
					instance.settings(null), false).solve();
			assertThat(pruned.status()).as("instance %d", i).isEqualTo("OPTIMAL");
			assertThat(pruned.objective()).as("instance %d", i).isCloseTo(full.objective(),
					within(1e-6 * Math.max(1, Math.abs(full.objective()))));
			assertThat(pruned.variables()).isLessThanOrEqualTo(full.variables());
			fewer += pruned.variables() < full.variables() ? 1 : 0;
		}
		assertThat(fewer).as("instances whose model got smaller").isGreaterThan(20);
	}

	static double ojAlgo(String mps) {
		ExpressionsBasedModel model = ExpressionsBasedModel.parse(
				new ByteArrayInputStream(mps.getBytes(StandardCharsets.US_ASCII)), ExpressionsBasedModel.FileFormat.MPS);
		Optimisation.Result result = model.minimise();
		assertThat(result.getState().isOptimal()).as("ojAlgo state %s", result.getState()).isTrue();
		return result.getValue();
	}

	/** A random network: hubs with lots of two commodities, points with demands, a route by mode from each hub. */
	record Instance(List<Demand> demands, List<SupplyLot> lots, List<Leg> legs) {

		Settings settings(Double minimumShipment) {
			return new Settings(DAY, 45, 500, 0.001, minimumShipment, true, 0);
		}

		static Instance random(Random random, int hubs, int points, int lotsPerHub) {
			List<String> commodities = List.of("wheat", "rice");
			List<SupplyLot> lots = new ArrayList<>();
			List<Leg> legs = new ArrayList<>();
			long id = 1;
			for (int h = 0; h < hubs; h++) {
				for (int l = 0; l < lotsPerHub; l++) {
					lots.add(lot(id++, "H" + h, commodities.get(random.nextInt(2)), 50 + random.nextInt(500),
							DAY.plusDays(10 + random.nextInt(400))));
				}
				for (int p = 0; p < points; p++) {
					for (String mode : List.of("SEA", "RAIL", "ROAD")) {
						if (random.nextInt(3) > 0) {
							legs.add(toPoint(id++, "H" + h, "P" + p, mode, 5 + random.nextInt(80), 1 + random.nextInt(40),
									random.nextInt(4) == 0 ? (double) (20 + random.nextInt(200)) : null));
						}
					}
				}
				if (h > 0) {
					legs.add(new Leg(id++, "H" + h, "H" + (h - 1), null, "ROAD", 3 + random.nextInt(10), 1 + random.nextInt(5),
							null));
				}
			}
			List<Demand> demands = new ArrayList<>();
			for (int p = 0; p < points; p++) {
				String commodity = commodities.get(random.nextInt(2));
				Set<String> accepted = random.nextBoolean() ? Set.of(commodity) : Set.copyOf(commodities);
				demands.add(new Demand(p + 1, "YEM", "P" + p, commodity, accepted, 20 + random.nextInt(400),
						DAY.plusDays(5 + random.nextInt(60)), 1 + random.nextInt(5)));
			}
			return new Instance(demands, lots, legs);
		}

	}

}
