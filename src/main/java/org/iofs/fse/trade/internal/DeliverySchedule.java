package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.shared.InvalidInputException;

/**
 * A deal's delivery schedule: the lots its tonnes arrive in. Every lot carries tonnes and the date it is due by;
 * the lots sum to the deal's tonnes exactly, fall inside its delivery window and come in date order. No schedule
 * given means one lot of everything by the end of the window.
 */
final class DeliverySchedule {

	static final int MAX_LOTS = 24;

	/** A lot as the buyer asks for it. */
	public record Requested(BigDecimal tonnes, LocalDate deliverBy) {
	}

	/** A lot of the schedule, numbered from 1. */
	public record Lot(int lot, BigDecimal tonnes, LocalDate deliverBy) {
	}

	private DeliverySchedule() {
	}

	static List<Lot> check(List<Requested> requested, BigDecimal total, LocalDate from, LocalDate until) {
		if (requested == null || requested.isEmpty()) {
			return List.of(new Lot(1, total, until));
		}
		if (requested.size() > MAX_LOTS) {
			throw new InvalidInputException("schedule", "has more than " + MAX_LOTS + " lots");
		}
		List<Lot> lots = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		LocalDate previous = from;
		for (int i = 0; i < requested.size(); i++) {
			Requested lot = requested.get(i);
			String field = "schedule[" + i + "]";
			if (lot == null || lot.deliverBy() == null) {
				throw new InvalidInputException(field + ".deliverBy", "is required");
			}
			BigDecimal tonnes = Amounts.tonnes(lot.tonnes(), field + ".tonnes");
			if (lot.deliverBy().isBefore(from) || lot.deliverBy().isAfter(until)) {
				throw new InvalidInputException(field + ".deliverBy",
						"must fall in the delivery window " + from + " to " + until);
			}
			if (lot.deliverBy().isBefore(previous)) {
				throw new InvalidInputException(field + ".deliverBy", "comes before the lot ahead of it");
			}
			previous = lot.deliverBy();
			sum = sum.add(tonnes);
			lots.add(new Lot(i + 1, tonnes, lot.deliverBy()));
		}
		if (sum.compareTo(total) != 0) {
			throw new InvalidInputException("schedule",
					"lots sum to " + sum.toPlainString() + " t, not the deal's " + total.toPlainString() + " t");
		}
		return lots;
	}

}
