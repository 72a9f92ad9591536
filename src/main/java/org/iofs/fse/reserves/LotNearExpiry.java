package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot came within its commodity's window of its best-before date; the expiry job proposes to sell it (through IFPA)
 * or hand it to a programme. Published once per lot.
 */
public record LotNearExpiry(long lot, String hub, String commodity, BigDecimal tonnes, LocalDate bestBefore,
		String proposal) {
}
