package org.iofs.fse.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.iofs.fse.support.ImportFuzzer;
import org.junit.jupiter.api.Test;

/**
 * The route file reader under mutated files: every input ends in routes or row problems (a file with problems is
 * refused whole by the import, by line and column), never in another exception, and every route it accepts fits the
 * route table. {@code mvn -Pfuzz verify} runs a million inputs.
 */
class RouteFileFuzzTest {

	static final Set<String> HUBS = Set.of("DEMO-HUB-1", "DEMO-HUB-2", "HUB-DKR");

	static final Set<String> POINTS = Set.of("YEM-ADEN", "SEN-DAKAR", "PAK-KARACHI");

	@Test
	void everyFileEndsInRoutesOrProblems() {
		List<String> seeds = List.of("""
				origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
				DEMO-HUB-1,,YEM-ADEN,SEA,42.50,12,20000,true
				DEMO-HUB-1,DEMO-HUB-2,,RAIL,18,4,,
				HUB-DKR,,SEN-DAKAR,ROAD,7.25,1,1500.5,false
				""", """
				origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
				demo-hub-2,,pak-karachi,sea,61,20,,TRUE
				""");
		ImportFuzzer.Result result = ImportFuzzer.run("routes", seeds, ex -> false, input -> {
			RouteFile.Read read = RouteFile.read(new StringReader(input), HUBS::contains, POINTS::contains);
			read.routes().forEach(RouteFileFuzzTest::fitsTheTable);
			return (read.routes().isEmpty() ? "no routes" : "routes") + ", problems "
					+ read.problems().stream().map(p -> p.field()).distinct().sorted().toList();
		}, ImportFuzzer.inputs(3_000));
		System.out.println("Route reader: " + result);
		assertThat(result.reports()).isEqualTo(result.inputs());
	}

	static void fitsTheTable(TransportNetwork.RouteInput route) {
		assertThat(HUBS).contains(route.originHub());
		assertThat(route.toHub() == null ? POINTS.contains(route.toPoint()) : HUBS.contains(route.toHub())).isTrue();
		assertThat(route.mode()).isIn("SEA", "RAIL", "ROAD");
		assertThat(route.costPerTonne().signum()).isNotNegative();
		assertThat(route.costPerTonne()).isLessThan(new BigDecimal("10000000000"));
		assertThat(route.transitDays()).isBetween(0, 365);
		if (route.capacityTonnes() != null) {
			assertThat(route.capacityTonnes()).isPositive().isLessThanOrEqualTo(RouteFile.MAX_CAPACITY);
			assertThat(route.capacityTonnes().setScale(3, java.math.RoundingMode.UNNECESSARY)).isNotNull();
		}
	}

}
