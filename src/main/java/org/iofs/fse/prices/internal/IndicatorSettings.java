package org.iofs.fse.prices.internal;

import org.iofs.fse.prices.indicators.PriceAnomaly;
import org.iofs.fse.prices.indicators.PriceSpikes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of the price indicators, {@code fse.prices.indicators.*}, with their defaults:
 * <ul>
 * <li>{@code gamma} = 0.4, the weight of the quarterly term of the IPA. FAO does not publish its value;
 * implementations derive it by PCA and the ONS puts more weight on the annual term, hence below one half.</li>
 * <li>{@code year-weights} = EQUAL (or RECENT: the latest earlier year weighs most), as Baquedano leaves them open.</li>
 * <li>{@code input} = NOMINAL, or DEFLATED: each price divided by its country's food consumer price index of the
 * same month (times 100), for both indicators; a month without an index is a month without a price.</li>
 * <li>{@code alps-fit} = ALL_MONTHS (the published method) or REAL_TIME; {@code alps-scale} = LEVELS or LOGS.</li>
 * </ul>
 * Every series answer names the settings its indicators were computed with.
 */
@Component
public class IndicatorSettings {

	public enum Input {
		NOMINAL, DEFLATED
	}

	private final PriceAnomaly.Settings anomaly;

	private final PriceSpikes.Settings spikes;

	private final Input input;

	IndicatorSettings(@Value("${fse.prices.indicators.gamma:0.4}") double gamma,
			@Value("${fse.prices.indicators.year-weights:EQUAL}") PriceAnomaly.YearWeights yearWeights,
			@Value("${fse.prices.indicators.input:NOMINAL}") Input input,
			@Value("${fse.prices.indicators.alps-fit:ALL_MONTHS}") PriceSpikes.Fit fit,
			@Value("${fse.prices.indicators.alps-scale:LEVELS}") PriceSpikes.Scale scale) {
		this.anomaly = new PriceAnomaly.Settings(gamma, yearWeights);
		this.spikes = new PriceSpikes.Settings(fit, scale);
		this.input = input;
	}

	public PriceAnomaly.Settings anomaly() {
		return anomaly;
	}

	public PriceSpikes.Settings spikes() {
		return spikes;
	}

	public Input input() {
		return input;
	}

	/** The settings in one line, to tell whether stored indicators were computed with them. */
	public String fingerprint() {
		// The method's version too: stored indicators of an earlier method (IPA reference years that stopped at a
		// gap) are recomputed at the first start with this one.
		return "gamma=" + anomaly.gamma() + ";years=" + anomaly.yearWeights() + ";input=" + input + ";alps="
				+ spikes.fit() + "/" + spikes.scale() + ";ipa-reference=every-earlier-year,min="
				+ PriceAnomaly.MIN_REFERENCE_YEARS;
	}

}
