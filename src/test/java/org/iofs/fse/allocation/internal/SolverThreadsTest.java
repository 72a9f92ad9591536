package org.iofs.fse.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SolverThreadsTest {

	private final SolverThreads solverThreads = new SolverThreads();

	@AfterEach
	void stop() {
		solverThreads.destroy();
	}

	@Test
	void solvesOnAPlatformThreadOfItsOwnAndHandsBackTheResult() {
		Thread caller = Thread.currentThread();
		Thread solver = solverThreads.run(Thread::currentThread);
		assertThat(solver).isNotSameAs(caller);
		assertThat(solver.getName()).startsWith("allocation-solver-");
		assertThat(solver.isDaemon()).isTrue();
	}

	@Test
	void whatTheSolveThrowsIsThrownToTheCaller() {
		IllegalArgumentException failure = new IllegalArgumentException("no feasible plan");
		assertThatThrownBy(() -> solverThreads.run(() -> {
			throw failure;
		})).isSameAs(failure);
	}

}
