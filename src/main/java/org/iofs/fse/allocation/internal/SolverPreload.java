package org.iofs.fse.allocation.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readies the solver on a thread of its own once the platform accepts traffic (after every listener of the ready
 * event, the line that says it is ready included), which start-up itself should not wait for:
 * loads OR-Tools' native library (unpacking and loading it takes about half a second, which the first plan after a
 * start waited for), then builds and solves {@link SolverWarmUp}'s made-up plan a few times
 * ({@code fse.allocation.warm-up-plans}), so that the first real plan runs compiled code as the next ones do.
 */
@Component
@EnableConfigurationProperties(AllocationSettings.class)
class SolverPreload {

	private static final Logger log = LoggerFactory.getLogger(SolverPreload.class);

	private final AllocationSettings settings;

	private final SolverThreads solverThreads;

	private final Clock clock;

	SolverPreload(AllocationSettings settings, SolverThreads solverThreads, Clock clock) {
		this.settings = settings;
		this.solverThreads = solverThreads;
		this.clock = clock;
	}

	@EventListener
	void preload(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		Thread loader = new Thread(this::ready, "or-tools-preload");
		loader.setDaemon(true);
		loader.start();
	}

	private void ready() {
		try {
			LinearSolver.loadNativeLibrary();
		}
		catch (RuntimeException | LinkageError ex) {
			// The first plan loads it again and reports what fails; nothing else depends on it.
			log.warn("OR-Tools' native library did not load ahead of the first plan: {}", ex.toString());
			return;
		}
		long started = System.nanoTime();
		try {
			for (int round = 0; round < settings.warmUpPlans(); round++) {
				AllocationModel.Built plan = SolverWarmUp.problem(LocalDate.now(clock));
				ModelText.gzip(plan.mps());
				solverThreads.run(plan::solve);
			}
			log.debug("The allocation solver warmed up on {} made-up plans in {} ms", settings.warmUpPlans(),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// Only the first plan's speed depends on it.
			log.warn("The allocation solver's warm-up did not finish: {}", ex.toString());
		}
	}

}
