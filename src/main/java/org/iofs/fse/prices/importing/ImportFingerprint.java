package org.iofs.fse.prices.importing;

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

	/**
	 * @param price the price times 10,000, as numeric(18,4) holds it
	 * @param usdPrice the same of the dollar price, {@link FileSeries#NO_PRICE} for none
	 */
	static long of(int monthIndex, int flag, long price, long usdPrice) {
		long hash = mix(((long) monthIndex << 8) | flag);
		hash = mix(hash ^ price);
		return mix(hash ^ (usdPrice == FileSeries.NO_PRICE ? NO_DOLLAR_PRICE : usdPrice + 1));
	}

	/** SplitMix64's finaliser: every bit of the input moves about half of the output's. */
	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
