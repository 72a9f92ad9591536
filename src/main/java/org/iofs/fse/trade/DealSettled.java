package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.UUID;

/** A deal reached settlement: both sides may now rate each other. Published once, when it is settled. */
public record DealSettled(long deal, UUID buyer, UUID seller, String commodity, BigDecimal tonnes, String destination) {
}
