package org.iofs.fse.foodbalance.importing;

import java.math.BigDecimal;

/** One value read from a FAOSTAT file, resolved to a member state and ready for staging. */
record FbsRow(long line, String iso3, int itemCode, String itemName, int elementCode, int year, BigDecimal value,
		String unit, String flag) {
}
