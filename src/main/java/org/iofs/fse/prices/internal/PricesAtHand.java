package org.iofs.fse.prices.internal;

/**
 * The nominal prices of some series as their caller already holds them, so that {@link SeriesIndicators} need not
 * read them back: an import holds every price of the series it created. For each series, in any order, its months
 * as {@code year * 12 + month - 1}, and per month the price the indicators use (an actual price before an
 * aggregate one).
 */
public interface PricesAtHand {

	PricesAtHand NONE = new PricesAtHand() {
		@Override
		public boolean holds(long series) {
			return false;
		}

		@Override
		public void pricesOf(long series, MonthPriceSink sink) {
			throw new IllegalStateException("no prices at hand");
		}
	};

	boolean holds(long series);

	void pricesOf(long series, MonthPriceSink sink);

	interface MonthPriceSink {

		void add(int month, double price);

	}

}
