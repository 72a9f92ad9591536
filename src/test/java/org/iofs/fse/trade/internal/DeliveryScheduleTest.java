package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deal's lots sum to its tonnes exactly, fall in its delivery window and come in date order. */
class DeliveryScheduleTest {

	static final LocalDate FROM = LocalDate.of(2027, 3, 1);

	static final LocalDate UNTIL = LocalDate.of(2027, 5, 31);

	static final BigDecimal TOTAL = new BigDecimal("1000.000");

	@Test
	void noScheduleIsOneLotOfEverythingByTheEndOfTheWindow() {
		assertThat(DeliverySchedule.check(null, TOTAL, FROM, UNTIL))
			.containsExactly(new DeliverySchedule.Lot(1, TOTAL, UNTIL));
	}

	@Test
	void lotsAreNumberedInOrderAndSumExactly() {
		List<DeliverySchedule.Lot> lots = DeliverySchedule.check(List.of(lot("333.333", "2027-03-15"),
				lot("333.333", "2027-04-15"), lot("333.334", "2027-05-31")), TOTAL, FROM, UNTIL);
		assertThat(lots).extracting(DeliverySchedule.Lot::lot).containsExactly(1, 2, 3);
		assertThat(lots.stream().map(DeliverySchedule.Lot::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(TOTAL);
	}

	@Test
	void aScheduleThatMissesATonneOrLeavesTheWindowOrGoesBackIsRefusedNamingTheLot() {
		assertThatThrownBy(() -> DeliverySchedule.check(List.of(lot("500", "2027-03-15"), lot("499.999", "2027-04-15")),
				TOTAL, FROM, UNTIL)).isInstanceOf(InvalidInputException.class).hasMessageContaining("1000.000")
			.hasMessageContaining("999.999");
		assertThatThrownBy(() -> DeliverySchedule.check(List.of(lot("1000", "2027-06-01")), TOTAL, FROM, UNTIL))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).field()).isEqualTo("schedule[0].deliverBy"));
		assertThatThrownBy(() -> DeliverySchedule.check(List.of(lot("500", "2027-04-15"), lot("500", "2027-04-01")),
				TOTAL, FROM, UNTIL))
			.satisfies(ex -> assertThat(((InvalidInputException) ex).field()).isEqualTo("schedule[1].deliverBy"));
		assertThatThrownBy(() -> DeliverySchedule.check(List.of(lot("0", "2027-04-15"), lot("1000", "2027-04-20")),
				TOTAL, FROM, UNTIL))
			.satisfies(ex -> assertThat(((InvalidInputException) ex).field()).isEqualTo("schedule[0].tonnes"));
	}

	private static DeliverySchedule.Requested lot(String tonnes, String date) {
		return new DeliverySchedule.Requested(new BigDecimal(tonnes), LocalDate.parse(date));
	}

}
