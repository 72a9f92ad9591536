package org.iofs.fse.foodbalance.entry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A country's draft balance sheet for a year: its workflow status, the reviewer's comment, and values per FBS item
 * and element (1000 t).
 */
public record DraftSheet(String country, int year, Status status, String comment, String updatedBy,
		String submittedBy, String reviewedBy, List<Integer> items, Map<Integer, Map<Integer, BigDecimal>> values) {

	public enum Status {

		DRAFT, SUBMITTED, RETURNED, VALIDATED;

		public boolean editable() {
			return this == DRAFT || this == RETURNED;
		}

		public String messageKey() {
			return "entry.status." + name();
		}

	}

	public BigDecimal value(int item, int element) {
		Map<Integer, BigDecimal> byElement = values.get(item);
		return byElement == null ? null : byElement.get(element);
	}

}
