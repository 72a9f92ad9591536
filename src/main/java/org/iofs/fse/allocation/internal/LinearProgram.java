package org.iofs.fse.allocation.internal;

import java.util.Arrays;

import com.google.ortools.modelbuilder.ModelBuilderHelper;

/**
 * A linear program held in plain arrays while the allocation builds it: columns (variables with bounds and a cost),
 * rows (constraints with bounds) and coefficients. Building it through OR-Tools' own objects crossed into native code
 * for every variable and coefficient, and its MPS export cost more than the solve (bench/allocation.sh); here the
 * MPS text the plan keeps is written in one pass, and the solver's model is filled by index, without a name or an
 * object per variable.
 */
final class LinearProgram {

	/** A variable's name, written when the MPS text or the solution is, so that no name is made before it is read. */
	@FunctionalInterface
	interface ColumnName {

		void appendTo(StringBuilder out);

	}

	private ColumnName[] columnNames = new ColumnName[1024];

	private double[] columnLower = new double[1024];

	private double[] columnUpper = new double[1024];

	private double[] costs = new double[1024];

	private boolean[] integer = new boolean[1024];

	private int columns;

	private String[] rowNames = new String[256];

	private double[] rowLower = new double[256];

	private double[] rowUpper = new double[256];

	private int rows;

	private int[] entryRow = new int[4096];

	private int[] entryColumn = new int[4096];

	private double[] entryValue = new double[4096];

	private int entries;

	/** A continuous variable; its index. */
	int column(String name, double lower, double upper, double cost) {
		return column(out -> out.append(name), lower, upper, cost, false);
	}

	/** A continuous variable named as it is written; its index, which is {@link #columns()} before the call. */
	int column(ColumnName name, double lower, double upper, double cost) {
		return column(name, lower, upper, cost, false);
	}

	/** A variable that takes only 0 or 1; its index. */
	int binary(String name, double cost) {
		return column(out -> out.append(name), 0, 1, cost, true);
	}

	private int column(ColumnName name, double lower, double upper, double cost, boolean isInteger) {
		if (columns == columnNames.length) {
			int size = columns * 2;
			columnNames = Arrays.copyOf(columnNames, size);
			columnLower = Arrays.copyOf(columnLower, size);
			columnUpper = Arrays.copyOf(columnUpper, size);
			costs = Arrays.copyOf(costs, size);
			integer = Arrays.copyOf(integer, size);
		}
		columnNames[columns] = name;
		columnLower[columns] = lower;
		columnUpper[columns] = upper;
		costs[columns] = cost;
		integer[columns] = isInteger;
		return columns++;
	}

	/** A constraint lower <= sum of its coefficients times their variables <= upper; its index. */
	int row(String name, double lower, double upper) {
		if (rows == rowNames.length) {
			int size = rows * 2;
			rowNames = Arrays.copyOf(rowNames, size);
			rowLower = Arrays.copyOf(rowLower, size);
			rowUpper = Arrays.copyOf(rowUpper, size);
		}
		rowNames[rows] = name;
		rowLower[rows] = lower;
		rowUpper[rows] = upper;
		return rows++;
	}

	/** Adds a variable to a constraint; each variable appears at most once in a row. */
	void coefficient(int row, int column, double value) {
		if (entries == entryRow.length) {
			int size = entries * 2;
			entryRow = Arrays.copyOf(entryRow, size);
			entryColumn = Arrays.copyOf(entryColumn, size);
			entryValue = Arrays.copyOf(entryValue, size);
		}
		entryRow[entries] = row;
		entryColumn[entries] = column;
		entryValue[entries] = value;
		entries++;
	}

	int columns() {
		return columns;
	}

	int rows() {
		return rows;
	}

	/** The solver's status and objective, and each variable's value that is not zero, by the variable's name. */
	String solutionText(LinearSolver.Solution solution) {
		StringBuilder text = new StringBuilder();
		text.append("status ").append(solution.status()).append('\n');
		text.append("objective ")
			.append(Double.isNaN(solution.objective()) ? "none" : Double.toString(solution.objective()))
			.append('\n');
		if (solution.found()) {
			double[] values = solution.values();
			for (int c = 0; c < values.length; c++) {
				if (Math.abs(values[c]) > AllocationModel.EPSILON) {
					text.append(columnName(c)).append(' ').append(values[c]).append('\n');
				}
			}
		}
		return text.toString();
	}

	String columnName(int column) {
		StringBuilder name = new StringBuilder();
		columnNames[column].appendTo(name);
		return name.toString();
	}

	double cost(int column) {
		return costs[column];
	}

	boolean hasIntegers() {
		for (int c = 0; c < columns; c++) {
			if (integer[c]) {
				return true;
			}
		}
		return false;
	}

	/** Hands the model to OR-Tools' model builder (a minimisation) by index, in one pass over the arrays. */
	void load(ModelBuilderHelper model) {
		model.setMaximize(false);
		for (int c = 0; c < columns; c++) {
			int variable = model.addVar();
			model.setVarLowerBound(variable, columnLower[c]);
			model.setVarUpperBound(variable, columnUpper[c]);
			if (integer[c]) {
				model.setVarIntegrality(variable, true);
			}
			if (costs[c] != 0) {
				model.setVarObjectiveCoefficient(variable, costs[c]);
			}
		}
		for (int r = 0; r < rows; r++) {
			int constraint = model.addLinearConstraint();
			model.setConstraintLowerBound(constraint, rowLower[r]);
			model.setConstraintUpperBound(constraint, rowUpper[r]);
		}
		for (int e = 0; e < entries; e++) {
			model.addConstraintTerm(entryRow[e], entryColumn[e], entryValue[e]);
		}
	}

	/** The model in free MPS, the format every solver reads: continuous columns first, then the integer ones. */
	String mps() {
		StringBuilder text = new StringBuilder(32 * entries + 80 * columns + 40 * rows);
		// Written beside the columns, so that each variable's name is made once.
		StringBuilder bounds = new StringBuilder(40 * columns).append("BOUNDS\n");
		text.append("NAME allocation\nROWS\n N  COST\n");
		for (int r = 0; r < rows; r++) {
			text.append(' ').append(rowType(r)).append("  ").append(rowNames[r]).append('\n');
		}
		text.append("COLUMNS\n");
		int[] start = byColumn();
		int[] order = order(start, entryColumn);
		StringBuilder name = new StringBuilder(64);
		for (boolean integers : new boolean[] { false, true }) {
			boolean marked = false;
			for (int c = 0; c < columns; c++) {
				if (integer[c] != integers) {
					continue;
				}
				if (integers && !marked) {
					text.append("    MARKER 'MARKER' 'INTORG'\n");
					marked = true;
				}
				name.setLength(0);
				columnNames[c].appendTo(name);
				bound(bounds, c, name);
				if (costs[c] != 0) {
					entry(text.append("    ").append(name).append(" COST "), costs[c]);
				}
				for (int k = start[c]; k < start[c + 1]; k++) {
					int e = order[k];
					entry(text.append("    ").append(name).append(' ').append(rowNames[entryRow[e]]).append(' '), entryValue[e]);
				}
			}
			if (marked) {
				text.append("    MARKER 'MARKER' 'INTEND'\n");
			}
		}
		rightHandSides(text);
		return text.append(bounds).append("ENDATA\n").toString();
	}

	private void rightHandSides(StringBuilder text) {
		text.append("RHS\n");
		for (int r = 0; r < rows; r++) {
			double rhs = rowType(r) == 'L' ? rowUpper[r] : rowLower[r];
			if (rhs != 0) {
				entry(text.append("    RHS ").append(rowNames[r]).append(' '), rhs);
			}
		}
		boolean ranges = false;
		for (int r = 0; r < rows; r++) {
			if (rowType(r) == 'G' && rowUpper[r] != Double.POSITIVE_INFINITY) {
				if (!ranges) {
					text.append("RANGES\n");
					ranges = true;
				}
				entry(text.append("    RANGE ").append(rowNames[r]).append(' '), rowUpper[r] - rowLower[r]);
			}
		}
	}

	private void bound(StringBuilder text, int c, CharSequence name) {
		double lower = columnLower[c];
		double upper = columnUpper[c];
		if (integer[c] && lower == 0 && upper == 1) {
			text.append(" BV BOUND ").append(name).append('\n');
		}
		else if (lower == upper) {
			entry(text.append(" FX BOUND ").append(name).append(' '), lower);
		}
		else {
			if (lower == Double.NEGATIVE_INFINITY) {
				text.append(" MI BOUND ").append(name).append('\n');
			}
			else if (lower != 0) {
				entry(text.append(" LO BOUND ").append(name).append(' '), lower);
			}
			if (upper != Double.POSITIVE_INFINITY) {
				entry(text.append(" UP BOUND ").append(name).append(' '), upper);
			}
		}
	}

	/** E for an equation, L for an upper limit only, G for a lower limit (with a range when there is an upper one). */
	private char rowType(int r) {
		if (rowLower[r] == rowUpper[r]) {
			return 'E';
		}
		return rowLower[r] == Double.NEGATIVE_INFINITY ? 'L' : 'G';
	}

	private static void entry(StringBuilder text, double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			text.append((long) value);
		}
		else {
			text.append(value);
		}
		text.append('\n');
	}

	private int[] byColumn() {
		return starts(entryColumn, columns);
	}

	/** Where each row's (or column's) entries start once the entries are grouped by it: a counting sort's offsets. */
	private int[] starts(int[] key, int keys) {
		int[] start = new int[keys + 1];
		for (int e = 0; e < entries; e++) {
			start[key[e] + 1]++;
		}
		for (int k = 0; k < keys; k++) {
			start[k + 1] += start[k];
		}
		return start;
	}

	/** The entries grouped by key, in the order they were added within each group. */
	private int[] order(int[] start, int[] key) {
		int[] next = Arrays.copyOf(start, start.length - 1);
		int[] order = new int[entries];
		for (int e = 0; e < entries; e++) {
			order[next[key[e]]++] = e;
		}
		return order;
	}

}
