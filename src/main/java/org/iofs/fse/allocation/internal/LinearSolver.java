package org.iofs.fse.allocation.internal;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;

/**
 * Solves a {@link LinearProgram} with OR-Tools: GLOP for a linear program, SCIP when some variable is an integer.
 * The statuses are those plans have always stored (OR-Tools' result statuses), which the pages name in three
 * languages.
 */
final class LinearSolver {

	/**
	 * The status, the objective (NaN without a solution), each variable's value, and the solver's wall time (handing
	 * the model over and reading the values back are not in it: they count as building the model).
	 */
	record Solution(String status, double objective, double[] values, long millis) {

		boolean found() {
			return status.equals("OPTIMAL") || status.equals("FEASIBLE");
		}

	}

	/**
	 * GLOP's dual simplex without its presolve. A plan's program is a transport problem with far more columns (ways of
	 * a lot to a demand) than rows; on it the defaults (primal simplex after presolve) took 2.5 to 2.7 s for 500
	 * hubs where these take 1.3 to 1.8 s, and no size solved slower, to the same optimum (bench/README.md).
	 */
	static final String GLOP_PARAMETERS = "use_dual_simplex: true use_preprocessing: false";

	private LinearSolver() {
	}

	private static final class Native {

		static {
			Loader.loadNativeLibraries();
		}

		static void load() {
			// Loaded once by the class initialiser.
		}

	}

	/** Loads OR-Tools' native library (about half a second, once per process) if it is not loaded yet. */
	static void loadNativeLibrary() {
		Native.load();
	}

	static String solverName(LinearProgram program) {
		return program.hasIntegers() ? "SCIP" : "GLOP";
	}

	static Solution solve(LinearProgram program, long timeLimitMillis) {
		Native.load();
		ModelBuilderHelper model = new ModelBuilderHelper();
		ModelSolverHelper solver = new ModelSolverHelper(solverName(program).toLowerCase(java.util.Locale.ROOT));
		try {
			program.load(model);
			if (!program.hasIntegers()) {
				solver.setSolverSpecificParameters(GLOP_PARAMETERS);
			}
			if (timeLimitMillis > 0) {
				solver.setTimeLimitInSeconds(timeLimitMillis / 1000.0);
			}
			long started = System.nanoTime();
			solver.solve(model);
			long millis = (System.nanoTime() - started) / 1_000_000;
			String status = solver.hasResponse() ? status(solver.getStatus()) : "ABNORMAL";
			boolean found = (status.equals("OPTIMAL") || status.equals("FEASIBLE")) && solver.hasSolution();
			double[] values = new double[program.columns()];
			if (found) {
				for (int c = 0; c < values.length; c++) {
					values[c] = solver.getVariableValue(c);
				}
			}
			return new Solution(found ? status : status.equals("FEASIBLE") ? "NOT_SOLVED" : status,
					found ? solver.getObjectiveValue() : Double.NaN, values, millis);
		}
		finally {
			solver.delete();
			model.delete();
		}
	}

	private static String status(SolveStatus status) {
		return switch (status) {
			case OPTIMAL -> "OPTIMAL";
			case FEASIBLE -> "FEASIBLE";
			case INFEASIBLE -> "INFEASIBLE";
			case UNBOUNDED -> "UNBOUNDED";
			case NOT_SOLVED -> "NOT_SOLVED";
			case MODEL_INVALID, INVALID_SOLVER_PARAMETERS -> "MODEL_INVALID";
			default -> "ABNORMAL";
		};
	}

}
