package org.iofs.fse.response.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.prices.PriceSituation;
import org.iofs.fse.reserves.ReleaseDrafts;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo data on, a response proposal from the demo prices' worst current warning (a member in a regional reserve
 * first), drafted at start: the proposals the demo's own alerts call for are drafted in the background, and the demo
 * should show one from its first page. Marked as demo. Not one transaction: the drafting solves a plan, which holds
 * none.
 */
@Order(70)
@Component
class DemoResponses implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoResponses.class);

	private final JdbcClient jdbc;

	private final ProposalDrafting drafting;

	private final PriceSituation prices;

	private final Countries countries;

	private final ReleaseDrafts releases;

	private final Clock clock;

	DemoResponses(JdbcClient jdbc, ProposalDrafting drafting, PriceSituation prices, Countries countries,
			ReleaseDrafts releases, Clock clock) {
		this.jdbc = jdbc;
		this.drafting = drafting;
		this.prices = prices;
		this.countries = countries;
		this.releases = releases;
		this.clock = clock;
	}

	@Override
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM response.proposal)").query(Boolean.class).single()) {
			return;
		}
		record Warned(String iso3, PriceSituation.MemberBand band, boolean inReserve) {
		}
		Optional<Warned> worst = countries.all().stream()
			.map(c -> prices.worstBand(c.iso3()).map(b -> new Warned(c.iso3(), b, releases.reserveOf(c.iso3()).isPresent())))
			.flatMap(Optional::stream)
			.filter(w -> w.band().commodity() != null && ProposalDrafting.RESPONSE_BANDS.contains(w.band().band()))
			.min(Comparator.comparing((Warned w) -> !w.inReserve())
				.thenComparing(Comparator.comparingInt((Warned w) -> w.band().severity()).reversed())
				.thenComparing(Warned::iso3));
		if (worst.isEmpty()) {
			log.info("Demo response proposals: no member's demo prices stand in a band that calls for a response");
			return;
		}
		Warned w = worst.get();
		String band = w.band().band();
		drafting.draft(new PriceAlertRaised(w.iso3(), w.band().commodity(), YearMonth.now(clock),
				"HIGH".equals(band) ? "IPA" : "ALPS", band, 1), true)
			.ifPresent(id -> log.info("Demo response proposal {} drafted for {} ({}, {})", id, w.iso3(),
					w.band().commodity(), band));
	}

}
