package org.iofs.fse.allocation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Solves generated allocation problems of growing size and prints, per size, the model's variables and
 * constraints, the time to build it (its MPS text and handing it to the solver included; generating the problem not),
 * the solver's time, its status and the process's memory.
 * Each member state wants every commodity; each hub holds two lots of every commodity; every hub reaches every
 * member's delivery point by sea, rail and road, costed from the great-circle distance as the demo network is
 * ({@link DemoModes}), a quarter of the routes with a capacity. Run through {@code bench/allocation.sh}.
 */
public final class AllocationBenchmark {

	static final int MEMBERS = 57;

	static final List<String> COMMODITIES = List.of("wheat", "rice", "maize", "sorghum", "millet", "barley", "cassava",
			"palm_oil");

	record Size(int hubs, int commodities, boolean transshipment) {
	}

	/** A generated problem, ready for the model. */
	record Problem(List<AllocationModel.Demand> demands, List<AllocationModel.SupplyLot> lots,
			List<AllocationModel.Leg> legs, AllocationModel.Settings settings) {

		AllocationModel.Result solve() {
			return AllocationModel.solve(demands, lots, legs, settings);
		}

	}

	public static void main(String[] args) throws IOException {
		List<Size> sizes = new ArrayList<>();
		if (args.length > 0) {
			sizes.add(new Size(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 8,
					args.length > 2 && Boolean.parseBoolean(args[2])));
		}
		else {
			for (int hubs : new int[] { 10, 30, 60, 120, 250, 500 }) {
				sizes.add(new Size(hubs, 4, false));
			}
			sizes.add(new Size(60, 8, false));
			sizes.add(new Size(60, 8, true));
		}
		System.out.println("| hubs | members | commodities | modes | transfers | variables | constraints | build and MPS (ms)"
				+ " | solve (ms) | status | resident memory (MB) | CBC on the exported MPS (ms) | solve over CBC |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (Size size : sizes) {
			Problem problem = problem(size);
			// Each problem is solved once before it is timed, as a platform in service has compiled its code (the first,
			// interpreted solve of the 60 x 8 problem builds for about as long as it solves: bench/README.md).
			problem.solve();
			long start = System.nanoTime();
			AllocationModel.Result result = problem.solve();
			long total = (System.nanoTime() - start) / 1_000_000;
			long cbc = cbcMillis(result.mps());
			System.out.printf("| %d | %d | %d | 3 | %s | %,d | %,d | %,d | %,d | %s | %,d | %s | %s |%n", size.hubs(), MEMBERS,
					size.commodities(), size.transshipment() ? "yes" : "no", result.variables(), result.constraints(),
					total - result.solveMillis(), result.solveMillis(), result.status(), residentMegabytes(),
					cbc < 0 ? "cbc not installed" : String.format("%,d", cbc),
					cbc <= 0 ? "" : String.format("%.2f", result.solveMillis() / (double) cbc));
		}
	}

	static Problem problem(Size size) {
		Random random = new Random(size.hubs() * 31L + size.commodities());
		LocalDate today = LocalDate.of(2027, 1, 4);
		List<String> commodities = COMMODITIES.subList(0, size.commodities());
		double[][] hubs = new double[size.hubs()][];
		List<AllocationModel.SupplyLot> lots = new ArrayList<>();
		long id = 1;
		for (int h = 0; h < size.hubs(); h++) {
			// Somewhere between West Africa and South-East Asia.
			hubs[h] = new double[] { -10 + random.nextDouble() * 50, -15 + random.nextDouble() * 130 };
			for (String commodity : commodities) {
				for (int l = 0; l < 2; l++) {
					lots.add(new AllocationModel.SupplyLot(id++, "H" + h, commodity, 200 + random.nextInt(3000),
							today.plusDays(20 + random.nextInt(700)), today.minusDays(random.nextInt(300))));
				}
			}
		}
		double supplyPerCommodity = lots.stream().mapToDouble(AllocationModel.SupplyLot::tonnes).sum() / commodities.size();
		List<AllocationModel.Demand> demands = new ArrayList<>();
		double[][] points = new double[MEMBERS][];
		for (int m = 0; m < MEMBERS; m++) {
			points[m] = new double[] { -10 + random.nextDouble() * 50, -15 + random.nextDouble() * 130 };
			for (String commodity : commodities) {
				demands.add(new AllocationModel.Demand(demands.size() + 1, "M" + m, "P" + m, commodity, Set.of(commodity),
						Math.round(supplyPerCommodity / MEMBERS * (0.4 + random.nextDouble() * 0.8)),
						today.plusDays(15 + random.nextInt(45)), 1 + random.nextInt(5)));
			}
		}
		List<AllocationModel.Leg> legs = new ArrayList<>();
		for (int h = 0; h < size.hubs(); h++) {
			for (int m = 0; m < MEMBERS; m++) {
				double km = DemoModes.greatCircleKm(hubs[h][0], hubs[h][1], points[m][0], points[m][1]);
				for (DemoModes mode : DemoModes.values()) {
					legs.add(new AllocationModel.Leg(id++, "H" + h, null, "P" + m, mode.name(),
							mode.costPerTonne(km).doubleValue(), mode.transitDays(km),
							random.nextInt(4) == 0 ? 1000.0 + random.nextInt(5000) : null));
				}
			}
			if (size.transshipment()) {
				for (int k = 1; k <= 2; k++) {
					int other = (h + k) % size.hubs();
					double km = DemoModes.greatCircleKm(hubs[h][0], hubs[h][1], hubs[other][0], hubs[other][1]);
					legs.add(new AllocationModel.Leg(id++, "H" + h, "H" + other, null, "ROAD",
							DemoModes.ROAD.costPerTonne(km).doubleValue(), DemoModes.ROAD.transitDays(km), null));
				}
			}
		}
		return new Problem(demands, lots, legs, new AllocationModel.Settings(today, 45, 10_000, 0.001, null,
				size.transshipment(), 600_000));
	}

	/**
	 * CBC (Debian's coinor-cbc) solving the same model from the exported MPS file, in the same run: the process's
	 * wall time, reading the file included; -1 when cbc is not installed.
	 */
	static long cbcMillis(String mps) throws IOException {
		if (Stream.of(System.getenv("PATH").split(":")).noneMatch(dir -> Files.isExecutable(Path.of(dir, "cbc")))) {
			return -1;
		}
		Path file = Files.createTempFile("allocation-", ".mps");
		try {
			Files.writeString(file, mps);
			long start = System.nanoTime();
			Process cbc = new ProcessBuilder("cbc", file.toString(), "-solve", "-quit").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (cbc.waitFor() != 0) {
				throw new IllegalStateException("cbc failed on " + file);
			}
			return (System.nanoTime() - start) / 1_000_000;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static long residentMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
			}
		}
		return -1;
	}

}
