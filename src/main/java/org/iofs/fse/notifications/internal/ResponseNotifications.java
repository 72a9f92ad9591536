package org.iofs.fse.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.identity.Members;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.reserves.LotNearExpiry;
import org.iofs.fse.reserves.ReleaseDelivered;
import org.iofs.fse.reserves.ReleaseStepTaken;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Who hears of the news that calls for a response, once it is committed (the event registry keeps each event until
 * it is handled, so a restart does not lose it): the Secretariat's analysts and the member's focal points of prices
 * entering the ALERT or CRISIS band (or a HIGH anomaly) and of a release delivered; the hub's operators and the
 * analysts of a lot near expiry. Those who subscribed to such news hear of it too (and of every other step of a
 * release), each only of what their role lets them read.
 */
@Component
class ResponseNotifications {

	/** Bands that call for a response; STRESS and MODERATE are watched on the alerts page, not sent. */
	static final List<String> TOLD_BANDS = List.of("ALERT", "CRISIS", "HIGH");

	private final Members members;

	private final Notifier notifier;

	private final AccessPolicy access;

	private final Hubs hubs;

	private final Words words;

	ResponseNotifications(Members members, Notifier notifier, AccessPolicy access, Hubs hubs, Words words) {
		this.words = words;
		this.members = members;
		this.notifier = notifier;
		this.access = access;
		this.hubs = hubs;
	}

	/** Market prices are public: any subscriber may hear of an alert. */
	@Async
	@TransactionalEventListener
	void on(PriceAlertRaised alert) {
		if (!TOLD_BANDS.contains(alert.band())) {
			return;
		}
		notifier.tell(analystsAndFocalPoints(alert.country()), new Notice("prices.alert-raised",
				"price-alert:" + alert.country() + ":" + alert.commodity() + ":" + alert.month() + ":" + alert.indicator(),
				List.of(notifier.country(alert.country()), notifier.commodity(alert.commodity()), same(alert.band()),
						same(alert.month())),
				"/countries/" + alert.country() + "?tab=prices"),
				About.of(SubscriptionKind.PRICE_ALERTS, alert.country(), alert.commodity(), caller -> true));
	}

	@Async
	@TransactionalEventListener
	void on(ReleaseDelivered delivered) {
		notifier.tell(analystsAndFocalPoints(delivered.country()), new Notice("reserves.release-delivered",
				"release-delivered:" + delivered.release(),
				List.of(same(delivered.release()), notifier.country(delivered.country()),
						notifier.commodity(delivered.commodity()),
						same(delivered.tonnes().stripTrailingZeros().toPlainString())),
				"/releases/" + delivered.release()),
				About.of(SubscriptionKind.RELEASE_STEPS, delivered.country(), delivered.commodity(),
						caller -> mayReadReleasesOf(caller, delivered.country())));
	}

	/** Other steps of a release reach only those who subscribed to release steps and may read the request. */
	@Async
	@TransactionalEventListener
	void on(ReleaseStepTaken step) {
		notifier.tell(List.of(), new Notice("reserves.release-step", "release-step:" + step.release() + ":" + step.toStatus(),
				List.of(same(step.release()), notifier.country(step.country()), notifier.commodity(step.commodity()),
						words.of("releases.status." + step.toStatus())),
				"/releases/" + step.release()),
				About.of(SubscriptionKind.RELEASE_STEPS, step.country(), step.commodity(),
						caller -> mayReadReleasesOf(caller, step.country())));
	}

	@Async
	@TransactionalEventListener
	void on(LotNearExpiry lot) {
		List<Member> people = new ArrayList<>(members.holding(Role.HUB_OPERATOR, Scope.hub(lot.hub())));
		people.addAll(members.holding(Role.ANALYST, Scope.GLOBAL));
		String country = hubs.all().stream().filter(h -> h.code().equals(lot.hub())).map(Hubs.Hub::country)
			.findFirst().orElse(null);
		notifier.tell(people, new Notice("reserves.lot-near-expiry", "lot-near-expiry:" + lot.lot(),
				List.of(same(lot.lot()), notifier.commodity(lot.commodity()),
						same(lot.tonnes().stripTrailingZeros().toPlainString()), same(lot.bestBefore()), same(lot.hub())),
				"/hubs/" + lot.hub()),
				About.of(SubscriptionKind.NEAR_EXPIRY, country, lot.commodity(),
						caller -> access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
								|| access.allows(caller, Action.OPERATE_HUB, Scope.hub(lot.hub()))));
	}

	private boolean mayReadReleasesOf(Caller caller, String iso3) {
		return access.allows(caller, Action.READ_ALL, Scope.GLOBAL)
				|| access.allows(caller, Action.REQUEST_RELEASE, Scope.country(iso3));
	}

	private List<Member> analystsAndFocalPoints(String iso3) {
		Map<UUID, Member> people = new LinkedHashMap<>();
		members.holding(Role.ANALYST, Scope.GLOBAL).forEach(m -> people.put(m.account(), m));
		members.holding(Role.COUNTRY_FOCAL_POINT, Scope.country(iso3)).forEach(m -> people.put(m.account(), m));
		return new ArrayList<>(people.values());
	}

}
