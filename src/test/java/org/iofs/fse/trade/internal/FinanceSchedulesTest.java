package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.trade.internal.FinanceSchedules.Line;
import org.iofs.fse.trade.internal.FinanceSchedules.Milestone;
import org.iofs.fse.trade.internal.FinanceSchedules.Mode;
import org.iofs.fse.trade.internal.FinanceSchedules.Schedule;
import org.iofs.fse.trade.internal.FinanceSchedules.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The five modes' schedules: what a financier and a buyer sign must add up to the cent and run in date order, for
 * any amount and any number of instalments; a murabaha's price is fixed by its mark-up, not by time.
 */
class FinanceSchedulesTest {

	static final LocalDate SIGNED = LocalDate.of(2026, 12, 2);

	@Test
	void murabahaSalePriceIsCostPlusMarkupAndInstalmentsSumToItToTheCent() {
		Schedule schedule = FinanceSchedules.compute(Mode.MURABAHA, murabaha("1000000.00", "4.5", 7, 1));
		assertThat(schedule.markup()).isEqualByComparingTo("45000.00");
		assertThat(schedule.price()).isEqualByComparingTo("1045000.00");
		assertThat(schedule.lines()).extracting(Line::amount).map(BigDecimal::toPlainString)
			.containsExactly("149285.71", "149285.71", "149285.71", "149285.71", "149285.71", "149285.71", "149285.74");
		assertThat(schedule.lines()).extracting(Line::dueOn).containsExactly(LocalDate.of(2027, 1, 31),
				LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31),
				LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 31));
	}

	@Test
	void aLongerMurabahaCostsNoMoreTimeIsNotCharged() {
		BigDecimal twelve = FinanceSchedules.compute(Mode.MURABAHA, murabaha("250000.00", "6", 12, 1)).price();
		BigDecimal one = FinanceSchedules.compute(Mode.MURABAHA, murabaha("250000.00", "6", 1, 1)).price();
		assertThat(twelve).isEqualByComparingTo(one).isEqualByComparingTo("265000.00");
	}

	@Test
	void everyModeSumsToItsPriceAndRunsInOrderForRandomTerms() {
		Random random = new Random(2026);
		for (int run = 0; run < 2000; run++) {
			BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(900_000_000), 2);
			int count = 1 + random.nextInt(24);
			int interval = 1 + random.nextInt(6);
			Terms terms = new Terms(amount, BigDecimal.valueOf(1 + random.nextInt(9_999_999), 3), SIGNED.plusDays(30),
					SIGNED.plusDays(30 + count + random.nextInt(200)), SIGNED,
					BigDecimal.valueOf(random.nextInt(2000), 2), null, count, SIGNED.plusDays(random.nextInt(60)),
					interval, count, milestones(random, count), count, BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2),
					BigDecimal.valueOf(random.nextInt(1_000_000), 2), BigDecimal.valueOf(random.nextInt(1_000_000), 2),
					amount, BigDecimal.valueOf(random.nextInt(10001), 2), count);
			for (Mode mode : Mode.values()) {
				Schedule schedule = FinanceSchedules.compute(mode, terms);
				BigDecimal sum = schedule.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(sum).as(mode + " " + terms).isEqualByComparingTo(schedule.price());
				for (int i = 1; i < schedule.lines().size(); i++) {
					assertThat(schedule.lines().get(i).dueOn()).as(mode + " " + terms)
						.isAfterOrEqualTo(schedule.lines().get(i - 1).dueOn());
				}
				assertThat(schedule.lines()).allMatch(line -> line.amount().scale() == 2, "cents");
				if (mode == Mode.SALAM) {
					assertThat(schedule.lines().get(0).amount()).as("the full price at contract").isEqualByComparingTo(amount);
					assertThat(schedule.lines().stream().filter(l -> l.tonnes() != null).map(Line::tonnes)
						.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(terms.dealTonnes());
				}
			}
		}
	}

	@Test
	void istisnaaMilestonesMustPayTheWholePriceInDateOrder() {
		Terms half = istisnaa(List.of(new Milestone(SIGNED.plusDays(10), new BigDecimal("30")),
				new Milestone(SIGNED.plusDays(90), new BigDecimal("40"))));
		assertThatThrownBy(() -> FinanceSchedules.compute(Mode.ISTISNAA, half)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("70");
		Terms backwards = istisnaa(List.of(new Milestone(SIGNED.plusDays(90), new BigDecimal("50")),
				new Milestone(SIGNED.plusDays(10), new BigDecimal("50"))));
		assertThatThrownBy(() -> FinanceSchedules.compute(Mode.ISTISNAA, backwards))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("date order");
		Schedule thirds = FinanceSchedules.compute(Mode.ISTISNAA, istisnaa(List.of(
				new Milestone(SIGNED, new BigDecimal("33.33")), new Milestone(SIGNED.plusDays(60), new BigDecimal("33.33")),
				new Milestone(SIGNED.plusDays(120), new BigDecimal("33.34")))));
		assertThat(thirds.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("33330.00", "33330.00",
				"33340.00");
	}

	@Test
	void musharakaSharesLossesByCapitalAndBuysOutTheFinancier() {
		Terms terms = new Terms(null, null, null, null, SIGNED, null, null, null, SIGNED.plusMonths(6), 6, null, null,
				null, null, null, new BigDecimal("400000.00"), new BigDecimal("600000.00"), new BigDecimal("55"), 4);
		Schedule schedule = FinanceSchedules.compute(Mode.MUSHARAKA, terms);
		assertThat(schedule.financierSharePercent()).isEqualByComparingTo("60");
		assertThat(schedule.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("150000.00",
				"150000.00", "150000.00", "150000.00");
	}

	@Test
	void badTermsAreNamed() {
		assertField(() -> FinanceSchedules.compute(Mode.MURABAHA, murabaha("1000.001", "5", 2, 1)), "dealAmount");
		assertField(() -> FinanceSchedules.compute(Mode.MURABAHA, murabaha("1000.00", "-1", 2, 1)), "markupPercent");
		assertField(() -> FinanceSchedules.compute(Mode.MURABAHA, murabaha("1000.00", "5", 0, 1)), "instalments");
		Terms early = new Terms(new BigDecimal("1000.00"), null, null, null, SIGNED, new BigDecimal("5"), null, 3,
				SIGNED.minusDays(1), 1, null, null, null, null, null, null, null, null, null);
		assertField(() -> FinanceSchedules.compute(Mode.MURABAHA, early), "firstDueOn");
	}

	private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.field()).isEqualTo(field));
	}

	private static Terms murabaha(String cost, String percent, int instalments, int interval) {
		return new Terms(new BigDecimal(cost), null, null, null, SIGNED, new BigDecimal(percent), null, instalments,
				LocalDate.of(2027, 1, 31), interval, null, null, null, null, null, null, null, null, null);
	}

	private static Terms istisnaa(List<Milestone> milestones) {
		return new Terms(new BigDecimal("100000.00"), null, null, null, SIGNED, null, null, null, null, null, null,
				milestones, null, null, null, null, null, null, null);
	}

	private static List<Milestone> milestones(Random random, int count) {
		int[] shares = new int[count];
		int left = 10_000;
		for (int i = 0; i < count - 1; i++) {
			shares[i] = 1 + random.nextInt(Math.max(1, left / (count - i)));
			left -= shares[i];
		}
		shares[count - 1] = left;
		java.util.ArrayList<Milestone> list = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(new Milestone(SIGNED.plusDays(7L * i), BigDecimal.valueOf(shares[i], 2)));
		}
		return list;
	}

}
