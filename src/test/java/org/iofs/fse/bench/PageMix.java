package org.iofs.fse.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages people open, in the proportions they open them: the dashboard, a member's page and its tabs, a
 * commodity, the alerts, a hub, the release requests and the price series API. Each user draws its next page from
 * what its role may open: analysts anything, a focal point its own member's pages, a hub operator its hub.
 */
final class PageMix {

	record User(String username, String password, String country, String hub) {
	}

	static final List<User> USERS = List.of(new User("demo.analyst", "analyst-demo-2026", null, null),
			new User("demo.focal.yem", "focal-yem-demo-2026", "YEM", null),
			new User("demo.focal.pak", "focal-pak-demo-2026", "PAK", null),
			new User("demo.hub", "hub-operator-demo-2026", null, "DEMO-HUB-1"));

	private static final String[] COUNTRY_TABS = { "", "/food-balance", "/prices", "/reserves", "/signals", "/trade" };

	private final List<String> countries;

	private final List<String> commodities;

	private final List<String> hubs;

	private final List<Long> series;

	PageMix(JdbcClient jdbc) {
		this.countries = jdbc.sql("SELECT iso3 FROM countries.country ORDER BY iso3").query(String.class).list();
		this.commodities = jdbc.sql("SELECT code FROM commodities.commodity WHERE kind = 'COMMODITY' ORDER BY code")
			.query(String.class)
			.list();
		this.hubs = jdbc.sql("SELECT code FROM reserves.hub ORDER BY code").query(String.class).list();
		this.series = jdbc.sql("SELECT id FROM prices.series ORDER BY id").query(Long.class).list();
	}

	/** The user who opens the n-th session: nine in ten analysts, the rest focal points and the hub operator. */
	static User userOf(int n) {
		return n % 10 == 9 ? USERS.get(1 + (n / 10) % 3) : USERS.get(0);
	}

	String nextPage(User user) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String country = user.country() != null ? user.country() : pick(countries);
		int draw = random.nextInt(100);
		if (user.hub() != null) {
			return draw < 50 ? "/hubs/" + user.hub() : draw < 80 ? "/releases" : "/";
		}
		if (draw < 15) {
			return "/";
		}
		if (draw < 55) {
			return "/countries/" + country + COUNTRY_TABS[random.nextInt(COUNTRY_TABS.length)];
		}
		if (draw < 65) {
			return "/commodities/" + pick(commodities);
		}
		if (draw < 72) {
			return "/alerts";
		}
		if (user.country() != null) {
			return draw < 86 ? "/releases" : "/api/v1/prices/series?country=" + country;
		}
		if (draw < 80) {
			return "/hubs/" + pick(hubs);
		}
		if (draw < 86) {
			return "/releases";
		}
		return draw < 93 ? "/api/v1/prices/series?country=" + country : "/api/v1/prices/series/" + pick(series);
	}

	private static <T> T pick(List<T> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

}
