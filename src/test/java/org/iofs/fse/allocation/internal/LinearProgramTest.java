package org.iofs.fse.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The plan's own linear program: its MPS text is what a reviewer downloads and solves elsewhere, so every kind of
 * row and bound it writes must read back as the same model (ojAlgo, a second solver, reads it here).
 */
class LinearProgramTest {

	@Test
	void writesEveryKindOfRowAndBoundAsFreeMps() {
		LinearProgram program = new LinearProgram();
		int x = program.column("x", 0, 4, 1);
		int y = program.column(out -> out.append("y_").append(7), 1, Double.POSITIVE_INFINITY, 2);
		int b = program.binary("b", 5);
		int equal = program.row("equal", 6, 6);
		int atMost = program.row("at_most", Double.NEGATIVE_INFINITY, 10);
		int between = program.row("between", 2, 3.5);
		program.coefficient(equal, x, 1);
		program.coefficient(equal, y, 1);
		program.coefficient(atMost, y, 1);
		program.coefficient(atMost, b, -2.5);
		program.coefficient(between, x, 1);

		assertThat(program.mps()).isEqualTo("""
				NAME allocation
				ROWS
				 N  COST
				 E  equal
				 L  at_most
				 G  between
				COLUMNS
				    x COST 1
				    x equal 1
				    x between 1
				    y_7 COST 2
				    y_7 equal 1
				    y_7 at_most 1
				    MARKER 'MARKER' 'INTORG'
				    b COST 5
				    b at_most -2.5
				    MARKER 'MARKER' 'INTEND'
				RHS
				    RHS equal 6
				    RHS at_most 10
				    RHS between 2
				RANGES
				    RANGE between 1.5
				BOUNDS
				 UP BOUND x 4
				 LO BOUND y_7 1
				 BV BOUND b
				ENDATA
				""");
		assertThat(program.columnName(y)).isEqualTo("y_7");
	}

	@Test
	void ojAlgoReadsTheSameOptimumAsOrToolsFinds() {
		LinearProgram program = new LinearProgram();
		int x = program.column("x", 0, 4, -1);
		int y = program.column("y", Double.NEGATIVE_INFINITY, 8, 1);
		int z = program.column("z", 2, 2, 3);
		int b = program.binary("b", 1);
		int sum = program.row("sum", 1, 5);
		int linked = program.row("linked", Double.NEGATIVE_INFINITY, 0);
		int floor = program.row("floor", -3, Double.POSITIVE_INFINITY);
		program.coefficient(sum, x, 1);
		program.coefficient(sum, y, 1);
		program.coefficient(sum, z, 1);
		program.coefficient(linked, x, 1);
		program.coefficient(linked, b, -4);
		program.coefficient(floor, y, 1);

		LinearSolver.Solution solution = LinearSolver.solve(program, 10_000);

		assertThat(LinearSolver.solverName(program)).isEqualTo("SCIP");
		assertThat(solution.status()).isEqualTo("OPTIMAL");
		// x = 4 with b = 1 pays 1 to save 4; y goes down to its floor, -3, the sum (3) staying within 1 and 5.
		assertThat(solution.values()).containsExactly(new double[] { 4, -3, 2, 1 }, within(1e-6));
		assertThat(solution.objective()).isCloseTo(-4 - 3 + 6 + 1, within(1e-6));
		assertThat(AllocationModelTest.ojAlgo(program.mps())).isCloseTo(solution.objective(), within(1e-6));
	}

}
