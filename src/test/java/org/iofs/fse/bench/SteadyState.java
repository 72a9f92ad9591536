package org.iofs.fse.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warms the platform up until its JIT compilers are done with what the load runs, so that a benchmark measures the
 * server as it runs for hours, not the first minutes after a start. On two cores under full load the compilers take
 * their CPU from the requests: with a fixed 20 s of warm-up, the compilers were still busy for 19.5 s of the ledger's
 * 30 s measure (bench/README.md, 2026-12-05, fourth). pgbench, the ledger's baseline, is compiled C and needs none.
 * <p>
 * The load runs in rounds of {@value #ROUND_SECONDS} s until, after at least the benchmark's own warm-up, a round
 * passes with the compilers busy for less than {@value #SETTLED_PERCENT} % of it, or {@link #MAX_SECONDS} pass.
 * The figures printed say how long it took and how busy the compilers still were during the measure.
 */
final class SteadyState {

	static final int ROUND_SECONDS = 10;

	/** The compilers' share of a round under which the load's code is taken as compiled. */
	static final int SETTLED_PERCENT = 3;

	/** The longest warm-up before measuring anyway (and saying so); {@code -Dwarmup.max=SECONDS} changes it. */
	static final int MAX_SECONDS = Integer.getInteger("warmup.max", 300);

	/** One round of the benchmark's load, for the given seconds. */
	@FunctionalInterface
	interface Load {

		void run(int seconds) throws Exception;

	}

	/** How the warm-up ended: its length, and the compilers' time in its last round. */
	record WarmUp(int seconds, long lastRoundCompilingMillis, boolean settled) {

		String describe() {
			return "%d s (the compilers busy %,d ms in the last %d s%s)".formatted(seconds, lastRoundCompilingMillis,
					ROUND_SECONDS, settled ? "" : "; not settled, measured anyway");
		}

	}

	private SteadyState() {
	}

	/** Runs the load for at least {@code minimumSeconds}, then until the compilers have settled. */
	static WarmUp warmUp(int minimumSeconds, Load load) throws Exception {
		int seconds = 0;
		long lastRound = Long.MAX_VALUE;
		while (seconds < MAX_SECONDS) {
			long before = compilingMillis();
			load.run(ROUND_SECONDS);
			seconds += ROUND_SECONDS;
			lastRound = compilingMillis() - before;
			System.out.printf("warm-up: %d s, the compilers busy %,d ms in the last %d s%n", seconds, lastRound,
					ROUND_SECONDS);
			if (seconds >= minimumSeconds && lastRound * 100 < SETTLED_PERCENT * ROUND_SECONDS * 1000L) {
				return new WarmUp(seconds, lastRound, true);
			}
		}
		return new WarmUp(seconds, lastRound, false);
	}

	/** The JIT compilers' accumulated time in this JVM, in milliseconds (0 where the JVM does not say). */
	static long compilingMillis() {
		CompilationMXBean compilers = ManagementFactory.getCompilationMXBean();
		return compilers != null && compilers.isCompilationTimeMonitoringSupported()
				? compilers.getTotalCompilationTime() : 0;
	}

}
