package org.iofs.fse.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The warm-up must run the code a real plan runs, to the end: a model with routes, transfers and capacities that the
 * solver solves to its optimum, shipping along its routes, and written as MPS.
 */
class SolverWarmUpTest {

	@Test
	void theMadeUpPlanIsSolvedToItsOptimumAndShipsAlongItsRoutes() {
		AllocationModel.Built plan = SolverWarmUp.problem(LocalDate.of(2026, 12, 4));
		AllocationModel.Result result = plan.solve();

		assertThat(result.status()).isEqualTo("OPTIMAL");
		assertThat(result.demands()).hasSize(SolverWarmUp.POINTS * SolverWarmUp.COMMODITIES.size());
		assertThat(result.lines()).isNotEmpty();
		assertThat(result.lines()).anyMatch(line -> line.path().via() == null);
		assertThat(result.variables()).isGreaterThan(SolverWarmUp.HUBS * SolverWarmUp.POINTS);
		assertThat(plan.mps()).startsWith("NAME").contains("COLUMNS").contains("RHS");
		assertThat(ModelText.gzip(plan.mps())).isNotEmpty();
	}

}
