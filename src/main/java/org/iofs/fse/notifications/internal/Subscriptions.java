package org.iofs.fse.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's subscriptions: a kind of news, for a member state or all, a commodity or all, told at once or in a
 * daily digest. Anyone signed in manages their own; a kind their role never shows them is refused when they
 * subscribe (and whatever their role becomes, {@link Notifier} tells them only what it lets them read).
 */
@Service
class Subscriptions {

	record Subscription(long id, String kind, String country, String commodity, String delivery, Instant createdAt) {
	}

	record NewSubscription(String kind, String country, String commodity, String delivery) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final Clock clock;

	Subscriptions(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, Commodities commodities,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Subscription> mine() {
		Caller me = access.require(Action.MANAGE_OWN_TOKENS);
		return jdbc.sql("""
				SELECT id, kind, country_iso3 AS country, commodity_code AS commodity, delivery, created_at
				FROM notifications.subscription WHERE account_id = :me ORDER BY kind, country_iso3, commodity_code
				""").param("me", me.id()).query(RecordRowMapper.of(Subscription.class)).list();
	}

	@Transactional
	Subscription add(NewSubscription given) {
		Caller me = access.require(Action.MANAGE_OWN_TOKENS);
		SubscriptionKind kind = choice(SubscriptionKind.class, given.kind(), "kind");
		String country = given.country() == null || given.country().isBlank() ? null
				: countries.find(given.country().strip()).orElseThrow(() -> new InvalidInputException("country",
						"'" + given.country() + "' is not an OIC member state")).iso3();
		String commodity = given.commodity() == null || given.commodity().isBlank() ? null
				: commodities.find(given.commodity().strip().toLowerCase(Locale.ROOT)).orElseThrow(
						() -> new InvalidInputException("commodity", "'" + given.commodity() + "' is not a commodity"))
					.code();
		String delivery = given.delivery() == null || given.delivery().isBlank() ? "IMMEDIATE"
				: given.delivery().strip().toUpperCase(Locale.ROOT);
		if (!List.of("IMMEDIATE", "DAILY_DIGEST").contains(delivery)) {
			throw new InvalidInputException("delivery", "is IMMEDIATE or DAILY_DIGEST");
		}
		requireMayRead(me, kind, country);
		try {
			long id = jdbc.sql("""
					INSERT INTO notifications.subscription (account_id, kind, country_iso3, commodity_code, delivery,
					    created_at)
					VALUES (:me, :kind, :country, :commodity, :delivery, :at) RETURNING id
					""").param("me", me.id()).param("kind", kind.name()).param("country", country)
				.param("commodity", commodity).param("delivery", delivery).param("at", Timestamp.from(clock.instant()))
				.query(Long.class).single();
			audit.record("notifications.subscribed", "subscription", id, null, Map.of("kind", kind.name(),
					"country", country == null ? "" : country, "commodity", commodity == null ? "" : commodity,
					"delivery", delivery));
			return new Subscription(id, kind.name(), country, commodity, delivery, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("ALREADY_SUBSCRIBED", "You already subscribe to this news; remove that "
					+ "subscription to change how it is delivered");
		}
	}

	@Transactional
	void remove(long id) {
		Caller me = access.require(Action.MANAGE_OWN_TOKENS);
		if (jdbc.sql("DELETE FROM notifications.subscription WHERE id = :id AND account_id = :me").param("id", id)
			.param("me", me.id()).update() == 0) {
			throw new NotFoundException("subscription", Long.toString(id));
		}
		audit.record("notifications.unsubscribed", "subscription", id, null, Map.of());
	}

	/** The kinds a role can never read are refused at once, naming why. */
	private void requireMayRead(Caller me, SubscriptionKind kind, String country) {
		boolean secretariat = access.allows(me, Action.READ_ALL, Scope.GLOBAL);
		boolean may = switch (kind) {
			case PRICE_ALERTS -> true;
			case NEAR_EXPIRY -> secretariat || access.mayAnywhere("OPERATE_HUB");
			case RELEASE_STEPS -> secretariat
					|| country != null && access.allows(me, Action.REQUEST_RELEASE, Scope.country(country));
			case DEALS, OVERDUE_ACTIONS -> secretariat;
		};
		if (!may) {
			throw new InvalidInputException("kind", "your role does not show you this news"
					+ (kind == SubscriptionKind.RELEASE_STEPS ? " (name your own member state)" : ""));
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'" + value + "' is not one of "
					+ java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

}
