package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a series' imported prices add up to: the sum (modulo 2^64) of a mixed 64-bit hash of each (month, flag,
 * price, dollar price), prices at the four decimals they are stored with. The sum does not depend on the rows'
 * order, so the platform can keep it beside a series when an import writes all of the series' imported prices, and
 * a later file whose rows of that series add up to the same value holds exactly the same prices: its rows need no
 * comparison with the stored ones. Entered prices (flag {@code manual}) are not imports and are not counted.
 */
final class ImportFingerprint {

	private static final long NO_DOLLAR_PRICE = 0x9E3779B97F4A7C15L;

	private ImportFingerprint() {
	}

	static long of(int monthIndex, int flag, BigDecimal price, BigDecimal usdPrice) {
		long hash = mix(((long) monthIndex << 8) | flag);
		hash = mix(hash ^ scaled(price));
		return mix(hash ^ (usdPrice == null ? NO_DOLLAR_PRICE : scaled(usdPrice) + 1));
	}

	/** The value as numeric(18,4) holds it (PostgreSQL rounds half away from zero, as HALF_UP does). */
	private static long scaled(BigDecimal value) {
		return value.setScale(4, RoundingMode.HALF_UP).unscaledValue().longValue();
	}

	/** SplitMix64's finaliser: every bit of the input moves about half of the output's. */
	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
