package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.time.Instant;

/** A release request's goods reached the member, as its focal point recorded it. Published once per release. */
public record ReleaseDelivered(long release, String country, String reserve, String commodity, BigDecimal tonnes,
		Instant deliveredAt) {
}
