package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.shared.InvalidInputException;

/**
 * The payment (and delivery) schedule each Islamic finance mode carries, after AAOIFI Shari'ah standards 8 to 12:
 * murabaha (cost plus a mark-up fixed at signing, paid in instalments), salam (the full price at contract, the
 * commodity delivered later), istisna'a (the price paid at milestones), ijara (rent, and a purchase undertaking when
 * it ends in ownership) and musharaka (capital shares and profit ratio; in the diminishing form the client buys the
 * financier's units out). Money is exact: amounts are cents, a total split into parts gives its odd cents to the
 * last part, and every schedule is checked before it is returned (its amounts sum to the contract's total to the
 * cent, its dates run in order). Nothing accrues with time: a late instalment never compounds.
 */
final class FinanceSchedules {

	enum Mode {
		MURABAHA, SALAM, ISTISNAA, IJARA, MUSHARAKA
	}

	/** One line of a schedule: a payment ({@code amount}) or a delivery ({@code tonnes}). */
	record Line(int seq, LocalDate dueOn, String kind, BigDecimal amount, BigDecimal tonnes) {
	}

	/** An istisna'a milestone: a date and the share of the price paid then. */
	record Milestone(LocalDate dueOn, BigDecimal percent) {
	}

	/**
	 * What a schedule is computed from: the deal (its amount, tonnes and delivery window) and the mode's terms; the
	 * terms a mode does not use are ignored.
	 */
	record Terms(BigDecimal dealAmount, BigDecimal dealTonnes, LocalDate deliveryFrom, LocalDate deliveryUntil,
			LocalDate signingDate, BigDecimal markupPercent, BigDecimal markupAmount, Integer instalments,
			LocalDate firstDueOn, Integer intervalMonths, Integer deliveries, List<Milestone> milestones,
			Integer termMonths, BigDecimal rentPerPeriod, BigDecimal purchasePrice, BigDecimal clientCapital,
			BigDecimal financierCapital, BigDecimal clientProfitPercent, Integer buyOutPeriods) {

		Terms {
			milestones = milestones == null ? List.of() : List.copyOf(milestones);
		}

	}

	/**
	 * A computed schedule. {@code price} is what the contract is for (murabaha: the sale price = cost + mark-up;
	 * salam and istisna'a: the price; ijara: rent plus purchase price; musharaka: the financier's capital), and the
	 * lines' amounts sum to it.
	 */
	record Schedule(Mode mode, BigDecimal cost, BigDecimal markup, BigDecimal price, BigDecimal financierSharePercent,
			List<Line> lines) {

		Schedule {
			lines = List.copyOf(lines);
		}

	}

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private FinanceSchedules() {
	}

	static Schedule compute(Mode mode, Terms terms) {
		Schedule schedule = switch (mode) {
			case MURABAHA -> murabaha(terms);
			case SALAM -> salam(terms);
			case ISTISNAA -> istisnaa(terms);
			case IJARA -> ijara(terms);
			case MUSHARAKA -> musharaka(terms);
		};
		check(schedule);
		return schedule;
	}

	private static Schedule murabaha(Terms terms) {
		BigDecimal cost = money(terms.dealAmount(), "dealAmount");
		BigDecimal markup;
		if (terms.markupAmount() != null) {
			markup = nonNegative(terms.markupAmount(), "markupAmount");
		}
		else {
			BigDecimal percent = nonNegative(required(terms.markupPercent(), "markupPercent"), "markupPercent");
			if (percent.compareTo(HUNDRED) > 0) {
				throw new InvalidInputException("markupPercent", "may not exceed 100");
			}
			markup = cost.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
		}
		BigDecimal sale = cost.add(markup);
		int count = between(terms.instalments(), 1, 120, "instalments");
		List<LocalDate> dates = dates(terms.firstDueOn(), terms.intervalMonths(), count, terms.signingDate());
		List<BigDecimal> parts = split(sale, count);
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(new Line(i + 1, dates.get(i), "INSTALMENT", parts.get(i), null));
		}
		return new Schedule(Mode.MURABAHA, cost, markup, sale, null, lines);
	}

	private static Schedule salam(Terms terms) {
		BigDecimal price = money(terms.dealAmount(), "dealAmount");
		LocalDate signing = required(terms.signingDate(), "signingDate");
		int count = between(terms.deliveries() == null ? 1 : terms.deliveries(), 1, 24, "deliveries");
		LocalDate from = required(terms.deliveryFrom(), "deliveryFrom");
		LocalDate until = required(terms.deliveryUntil(), "deliveryUntil");
		if (!from.isAfter(signing)) {
			throw new InvalidInputException("deliveryFrom", "a salam delivers after the contract and its payment");
		}
		long span = java.time.temporal.ChronoUnit.DAYS.between(from, until);
		if (count > 1 && span < count - 1) {
			throw new InvalidInputException("deliveries", "more deliveries than days in the delivery window");
		}
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(1, signing, "PRICE", price, null));
		List<BigDecimal> tonnes = split(terms.dealTonnes().setScale(3, RoundingMode.UNNECESSARY), count);
		for (int i = 0; i < count; i++) {
			LocalDate on = count == 1 ? until : from.plusDays(span * i / (count - 1));
			lines.add(new Line(i + 2, on, "DELIVERY", BigDecimal.ZERO.setScale(2), tonnes.get(i)));
		}
		return new Schedule(Mode.SALAM, price, BigDecimal.ZERO.setScale(2), price, null, lines);
	}

	private static Schedule istisnaa(Terms terms) {
		BigDecimal price = money(terms.dealAmount(), "dealAmount");
		List<Milestone> milestones = terms.milestones();
		if (milestones.isEmpty() || milestones.size() > 24) {
			throw new InvalidInputException("milestones", "between 1 and 24 milestones");
		}
		BigDecimal percents = BigDecimal.ZERO;
		for (Milestone m : milestones) {
			required(m.dueOn(), "milestones.dueOn");
			if (m.percent() == null || m.percent().signum() <= 0) {
				throw new InvalidInputException("milestones.percent", "each milestone pays a positive share");
			}
			percents = percents.add(m.percent());
		}
		if (percents.compareTo(HUNDRED) != 0) {
			throw new InvalidInputException("milestones.percent", "the shares add up to " + percents.toPlainString()
					+ "%, not 100%");
		}
		List<Line> lines = new ArrayList<>();
		BigDecimal paid = BigDecimal.ZERO;
		LocalDate previous = null;
		for (int i = 0; i < milestones.size(); i++) {
			Milestone m = milestones.get(i);
			if (terms.signingDate() != null && m.dueOn().isBefore(terms.signingDate())) {
				throw new InvalidInputException("milestones.dueOn", "falls before the signing date " + terms.signingDate());
			}
			if (previous != null && !m.dueOn().isAfter(previous)) {
				throw new InvalidInputException("milestones.dueOn", "milestones run in date order, one per date");
			}
			previous = m.dueOn();
			BigDecimal amount = i == milestones.size() - 1 ? price.subtract(paid)
					: price.multiply(m.percent()).divide(HUNDRED, 2, RoundingMode.DOWN);
			paid = paid.add(amount);
			lines.add(new Line(i + 1, m.dueOn(), "MILESTONE", amount, null));
		}
		return new Schedule(Mode.ISTISNAA, price, BigDecimal.ZERO.setScale(2), price, null, lines);
	}

	private static Schedule ijara(Terms terms) {
		int months = between(terms.termMonths(), 1, 360, "termMonths");
		BigDecimal rent = money(terms.rentPerPeriod(), "rentPerPeriod");
		BigDecimal purchase = terms.purchasePrice() == null ? BigDecimal.ZERO.setScale(2)
				: nonNegative(terms.purchasePrice(), "purchasePrice");
		List<LocalDate> dates = dates(terms.firstDueOn(), 1, months, terms.signingDate());
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < months; i++) {
			lines.add(new Line(i + 1, dates.get(i), "RENT", rent, null));
		}
		if (purchase.signum() > 0) {
			// The purchase undertaking: the asset passes to the client at the end of the term.
			lines.add(new Line(months + 1, dates.get(months - 1), "PURCHASE", purchase, null));
		}
		BigDecimal total = rent.multiply(BigDecimal.valueOf(months)).add(purchase);
		return new Schedule(Mode.IJARA, total, BigDecimal.ZERO.setScale(2), total, null, lines);
	}

	private static Schedule musharaka(Terms terms) {
		BigDecimal client = nonNegative(required(terms.clientCapital(), "clientCapital"), "clientCapital");
		BigDecimal financier = money(terms.financierCapital(), "financierCapital");
		BigDecimal profit = nonNegative(required(terms.clientProfitPercent(), "clientProfitPercent"),
				"clientProfitPercent");
		if (profit.compareTo(HUNDRED) > 0) {
			throw new InvalidInputException("clientProfitPercent", "may not exceed 100");
		}
		// Losses are borne by capital share, whatever the profit ratio: the financier's share of the capital.
		BigDecimal share = financier.multiply(HUNDRED).divide(client.add(financier), 4, RoundingMode.HALF_EVEN);
		int periods = terms.buyOutPeriods() == null ? 0 : between(terms.buyOutPeriods(), 0, 120, "buyOutPeriods");
		List<Line> lines = new ArrayList<>();
		if (periods > 0) {
			List<LocalDate> dates = dates(terms.firstDueOn(), terms.intervalMonths(), periods, terms.signingDate());
			List<BigDecimal> units = split(financier, periods);
			for (int i = 0; i < periods; i++) {
				lines.add(new Line(i + 1, dates.get(i), "BUY_OUT", units.get(i), null));
			}
		}
		return new Schedule(Mode.MUSHARAKA, financier, BigDecimal.ZERO.setScale(2),
				periods > 0 ? financier : BigDecimal.ZERO.setScale(2), share, lines);
	}

	/** The schedule's own check: amounts sum to its price to the cent, and its dates never go back. */
	static void check(Schedule schedule) {
		BigDecimal sum = schedule.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(schedule.price()) != 0) {
			throw new IllegalStateException(schedule.mode() + " schedule sums to " + sum + ", not " + schedule.price());
		}
		for (int i = 1; i < schedule.lines().size(); i++) {
			if (schedule.lines().get(i).dueOn().isBefore(schedule.lines().get(i - 1).dueOn())) {
				throw new IllegalStateException(schedule.mode() + " schedule goes back in time at line " + (i + 1));
			}
		}
	}

	/** A total in cents split into {@code count} parts that differ by at most the odd cents, which the last takes. */
	static List<BigDecimal> split(BigDecimal total, int count) {
		int scale = total.scale();
		BigDecimal part = total.divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
		List<BigDecimal> parts = new ArrayList<>();
		for (int i = 0; i < count - 1; i++) {
			parts.add(part);
		}
		parts.add(total.subtract(part.multiply(BigDecimal.valueOf(count - 1))));
		return parts;
	}

	private static List<LocalDate> dates(LocalDate first, Integer interval, int count, LocalDate signing) {
		LocalDate start = required(first, "firstDueOn");
		if (signing != null && start.isBefore(signing)) {
			throw new InvalidInputException("firstDueOn", "falls before the signing date " + signing);
		}
		int months = between(interval == null ? 1 : interval, 1, 12, "intervalMonths");
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// From the first date each time, so that 31 January, monthly, gives 28 February then 31 March.
			dates.add(start.plusMonths((long) i * months));
		}
		return dates;
	}

	private static BigDecimal money(BigDecimal value, String field) {
		BigDecimal given = required(value, field);
		if (given.signum() <= 0) {
			throw new InvalidInputException(field, "must be more than zero");
		}
		return cents(given, field);
	}

	private static BigDecimal nonNegative(BigDecimal value, String field) {
		if (value.signum() < 0) {
			throw new InvalidInputException(field, "may not be negative");
		}
		return field.endsWith("Percent") ? value : cents(value, field);
	}

	private static BigDecimal cents(BigDecimal value, String field) {
		if (value.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException(field, "has more than two decimals (cents)");
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static int between(Integer value, int min, int max, String field) {
		if (value == null || value < min || value > max) {
			throw new InvalidInputException(field, "must be between " + min + " and " + max);
		}
		return value;
	}

	private static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "is required");
		}
		return value;
	}

}
