package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
		return of(List.of(request)).stream().findFirst();
	}

	/**
	 * The effects of the delivered releases among these, in their order. Two statements however many releases: the
	 * deliveries that decide each comparison's members, then every release's two questions of prices at once.
	 */
	@Transactional(readOnly = true)
	public List<Effect> of(List<Releases.Request> requests) {
		List<Releases.Request> delivered = requests.stream().filter(r -> r.deliveredAt() != null).toList();
		if (delivered.isEmpty()) {
			return List.of();
		}
		List<Delivery> deliveries = deliveries();
		List<PriceSituation.PriceQuestion> questions = new ArrayList<>();
		for (Releases.Request request : delivered) {
			YearMonth base = base(request);
			questions.add(new PriceSituation.PriceQuestion(List.of(request.country()), true, request.commodity(), base));
			questions.add(new PriceSituation.PriceQuestion(withRelease(deliveries, request.commodity(), base), false,
					request.commodity(), base));
		}
		// The months one, two and three after the delivery month: offsets 2, 3 and 4 from the base.
		List<PriceSituation.PriceChanges> answers = prices.changesAfter(questions, MONTHS_AFTER + 1);
		List<Effect> effects = new ArrayList<>();
		for (int i = 0; i < delivered.size(); i++) {
			Releases.Request request = delivered.get(i);
			YearMonth base = base(request);
			effects.add(new Effect(request.id(), request.country(), request.commodity(), base,
					after(answers.get(2 * i), base.plusMonths(1)), after(answers.get(2 * i + 1), base.plusMonths(1)),
					request.leadTimeDays()));
		}
		return effects;
	}

	/** The month before the delivery month. */
	private static YearMonth base(Releases.Request request) {
		return YearMonth.from(request.deliveredAt().atZone(ZoneOffset.UTC)).minusMonths(1);
	}

	private List<BigDecimal> after(PriceSituation.PriceChanges changes, YearMonth delivered) {
		YearMonth now = YearMonth.now(clock);
		List<BigDecimal> months = new ArrayList<>();
		for (int k = 1; k <= MONTHS_AFTER; k++) {
			months.add(delivered.plusMonths(k).isAfter(now) ? null : changes.medianPercent().get(k));
		}
		return months;
	}

	/** A delivered release, as the comparisons need it, whoever may read it. */
	private record Delivery(String country, String commodity, Instant at) {
	}

	private List<Delivery> deliveries() {
		return jdbc.sql("""
				SELECT country_iso3, commodity_code, delivered_at FROM reserves.release_request
				WHERE delivered_at IS NOT NULL
				""").query((rs, row) -> new Delivery(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * The members that had a release of the commodity delivered from three months before the base month to the end of
	 * the four months after it (the months measured), both ends included.
	 */
	private static Set<String> withRelease(List<Delivery> deliveries, String commodity, YearMonth base) {
		Instant from = base.minusMonths(3).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant to = base.plusMonths(5).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Set<String> members = new TreeSet<>();
		deliveries.stream()
			.filter(d -> d.commodity().equals(commodity) && !d.at().isBefore(from) && !d.at().isAfter(to))
			.forEach(d -> members.add(d.country()));
		return members;
	}

}
