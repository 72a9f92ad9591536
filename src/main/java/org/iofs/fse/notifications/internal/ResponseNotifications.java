package org.iofs.fse.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.identity.Members;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.reserves.LotNearExpiry;
import org.iofs.fse.reserves.ReleaseDelivered;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Who hears of the news that calls for a response, once it is committed (the event registry keeps each event until
 * it is handled, so a restart does not lose it): the Secretariat's analysts and the member's focal points of prices
 * entering the ALERT or CRISIS band (or a HIGH anomaly) and of a release delivered; the hub's operators and the
 * analysts of a lot near expiry. Each hears only of what their role lets them read.
 */
@Component
class ResponseNotifications {

	/** Bands that call for a response; STRESS and MODERATE are watched on the alerts page, not sent. */
	static final List<String> TOLD_BANDS = List.of("ALERT", "CRISIS", "HIGH");

	private final Members members;

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final Commodities commodities;

	private final Countries countries;

	ResponseNotifications(Members members, Inbox inbox, MailOutbox outbox, Commodities commodities,
			Countries countries) {
		this.members = members;
		this.inbox = inbox;
		this.outbox = outbox;
		this.commodities = commodities;
		this.countries = countries;
	}

	@Async
	@TransactionalEventListener
	void on(PriceAlertRaised alert) {
		if (!TOLD_BANDS.contains(alert.band())) {
			return;
		}
		tell(analystsAndFocalPoints(alert.country()), new Notice("prices.alert-raised",
				"price-alert:" + alert.country() + ":" + alert.commodity() + ":" + alert.month() + ":" + alert.indicator(),
				List.of(country(alert.country()), commodity(alert.commodity()), same(alert.band()), same(alert.month())),
				"/countries/" + alert.country() + "?tab=prices"));
	}

	@Async
	@TransactionalEventListener
	void on(ReleaseDelivered delivered) {
		tell(analystsAndFocalPoints(delivered.country()), new Notice("reserves.release-delivered",
				"release-delivered:" + delivered.release(),
				List.of(same(delivered.release()), country(delivered.country()), commodity(delivered.commodity()),
						same(delivered.tonnes().stripTrailingZeros().toPlainString())),
				"/releases/" + delivered.release()));
	}

	@Async
	@TransactionalEventListener
	void on(LotNearExpiry lot) {
		List<Member> people = new ArrayList<>(members.holding(Role.HUB_OPERATOR, Scope.hub(lot.hub())));
		people.addAll(members.holding(Role.ANALYST, Scope.GLOBAL));
		tell(people, new Notice("reserves.lot-near-expiry", "lot-near-expiry:" + lot.lot(),
				List.of(same(lot.lot()), commodity(lot.commodity()), same(lot.tonnes().stripTrailingZeros().toPlainString()),
						same(lot.bestBefore()), same(lot.hub())),
				"/hubs/" + lot.hub()));
	}

	private List<Member> analystsAndFocalPoints(String iso3) {
		Map<UUID, Member> people = new LinkedHashMap<>();
		members.holding(Role.ANALYST, Scope.GLOBAL).forEach(m -> people.put(m.account(), m));
		members.holding(Role.COUNTRY_FOCAL_POINT, Scope.country(iso3)).forEach(m -> people.put(m.account(), m));
		return new ArrayList<>(people.values());
	}

	private LocalizedText commodity(String code) {
		return commodities.find(code).map(c -> c.names()).orElse(same(code));
	}

	private LocalizedText country(String iso3) {
		return countries.find(iso3).map(c -> c.names()).orElse(same(iso3));
	}

	private void tell(List<Member> people, Notice notice) {
		if (inbox.deliver(people, notice) > 0) {
			outbox.sendPending();
		}
	}

}
