package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.iofs.fse.prices.PriceSituation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a delivered release did, measured after the fact: the member's market prices of the commodity one, two and
 * three months after the delivery month against the month before it (the median change over its markets' series,
 * judged against a band of ±{@value #BAND_PERCENT} %), beside the same months in the members that had no release
 * of the commodity around then; and the lead time from the request's submission to its delivery against
 * {@value #LEAD_MIN_DAYS}-{@value #LEAD_MAX_DAYS} days. A before-after comparison, not a proof of cause: the pages
 * say so.
 */
@Service
public class ReleaseEffects {

	static final int BAND_PERCENT = 5;

	static final int LEAD_MIN_DAYS = 15;

	static final int LEAD_MAX_DAYS = 45;

	static final int MONTHS_AFTER = 3;

	/**
	 * One release measured. {@code member} and {@code others} hold the median change in % for the months one, two and
	 * three after the delivery month (null where a month has not come or has no prices).
	 */
	public record Effect(long release, String country, String commodity, YearMonth base, List<BigDecimal> member,
			List<BigDecimal> others, Long leadDays) {

		public boolean leadWithin() {
			return leadDays != null && leadDays >= LEAD_MIN_DAYS && leadDays <= LEAD_MAX_DAYS;
		}

		/** Whether the member's prices stayed within the band in a month after (null when not measured). */
		public Boolean withinBand(int month) {
			BigDecimal change = member.get(month);
			return change == null ? null : change.abs().compareTo(BigDecimal.valueOf(BAND_PERCENT)) <= 0;
		}

		public boolean measured() {
			return member.stream().anyMatch(java.util.Objects::nonNull);
		}

	}

	private final PriceSituation prices;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReleaseEffects(PriceSituation prices, JdbcClient jdbc, Clock clock) {
		this.prices = prices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The effect of a delivered release, or empty before its delivery. */
	@Transactional(readOnly = true)
	Optional<Effect> of(Releases.Request request) {
		if (request.deliveredAt() == null) {
			return Optional.empty();
		}
		YearMonth delivered = YearMonth.from(request.deliveredAt().atZone(ZoneOffset.UTC));
		YearMonth base = delivered.minusMonths(1);
		// The months one, two and three after the delivery month: offsets 2, 3 and 4 from the base.
		List<BigDecimal> member = after(prices.changesAfter(List.of(request.country()), true, request.commodity(), base,
				MONTHS_AFTER + 1), delivered);
		List<BigDecimal> others = after(prices.changesAfter(withRelease(request.commodity(), base), false,
				request.commodity(), base, MONTHS_AFTER + 1), delivered);
		return Optional.of(new Effect(request.id(), request.country(), request.commodity(), base, member, others,
				request.leadTimeDays()));
	}

	/** The effects of the delivered releases among these. */
	public List<Effect> of(List<Releases.Request> requests) {
		List<Effect> effects = new ArrayList<>();
		requests.forEach(r -> of(r).ifPresent(effects::add));
		return effects;
	}

	private List<BigDecimal> after(PriceSituation.PriceChanges changes, YearMonth delivered) {
		YearMonth now = YearMonth.now(clock);
		List<BigDecimal> months = new ArrayList<>();
		for (int k = 1; k <= MONTHS_AFTER; k++) {
			months.add(delivered.plusMonths(k).isAfter(now) ? null : changes.medianPercent().get(k));
		}
		return months;
	}

	/** The members that had a release of the commodity delivered within three months either side of the base month. */
	private Set<String> withRelease(String commodity, YearMonth base) {
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT country_iso3 FROM reserves.release_request
				WHERE commodity_code = :commodity AND delivered_at BETWEEN :from AND :to
				""").param("commodity", commodity)
			.param("from", Timestamp.from(base.minusMonths(3).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
			.param("to", Timestamp.from(base.plusMonths(5).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
			.query(String.class).list());
	}

}
