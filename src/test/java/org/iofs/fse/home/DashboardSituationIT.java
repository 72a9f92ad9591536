package org.iofs.fse.home;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard leads with the situation, each figure shown only to readers who may see it: price warnings and
 * reserve stock to everyone, release requests to those who work on them (counted over what they may open), lots
 * near expiry to the Secretariat and hub operators; the counts of members by group come after.
 */
class DashboardSituationIT extends PlatformIT {

	@Test
	void eachReaderSeesTheSituationTheyMaySee() {
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES
				    ('DASH-RESERVE', 'Dashboard reserve', 'احتياطي اللوحة', 'Réserve du tableau de bord')
				ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('DASH-RESERVE', 'SEN') ON CONFLICT DO NOTHING").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code)
				VALUES ('DASH-HUB', 'Dashboard hub', 'WAREHOUSE', 'SEN', 'DASH-RESERVE') ON CONFLICT DO NOTHING
				""").update();
		new TestAccounts(context).ensure("t.hub.dash", Role.HUB_OPERATOR, "DASH-HUB");
		if (jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM reserves.lot WHERE hub_code = 'DASH-HUB')").query(Boolean.class).single()) {
			LocalDate today = LocalDate.now();
			assertThat(http.postJson("/api/v1/hubs/DASH-HUB/receipts", "{\"commodity\": \"wheat\", \"tonnes\": 1000, "
					+ "\"intakeDate\": \"" + today + "\", \"bestBefore\": \"" + today.plusYears(2) + "\"}",
					"Authorization", bearer("t.hub.dash")).statusCode()).isEqualTo(201);
		}
		long late = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by)
				VALUES ('YEM', 'DASH-RESERVE', 'wheat', 10, 'Aden', current_date - 3, 1, 'Test', 'SUBMITTED', 't.focal.yem')
				RETURNING id
				""").query(Long.class).single();
		try {
			String visitor = http.get("/?lang=en").body();
			WebSession analyst = signedIn("t.analyst");
			String forAnalyst = analyst.get("/?lang=en").body();
			String forFocal = signedIn("t.focal.yem").get("/?lang=en").body();
			String forCompany = signedIn("t.company").get("/?lang=en").body();
			String forOperator = signedIn("t.hub.dash").get("/?lang=en").body();

			assertThat(visitor).contains("id=\"situation-prices\"", "id=\"reserve-cover\"", "id=\"situation-imports\"")
				.doesNotContain("id=\"situation-releases\"").doesNotContain("id=\"situation-expiry\"");
			assertThat(visitor.indexOf("id=\"situation\"")).as("the situation before the counts by group")
				.isLessThan(visitor.indexOf("id=\"headline-counts\""));
			// 1,000 t of wheat at 3,270 kcal/kg feed 1e6 * 3270 / (2100 * 90) = 17,302 people for three months.
			assertThat(visitor).containsPattern("data-reserve=\"DASH-RESERVE\">\\s*<td>.*Dashboard reserve.*</td>\\s*"
					+ "<td class=\"text-end\">1,000</td>\\s*<td class=\"text-end\">17,302</td>");
			assertThat(forCompany).doesNotContain("id=\"situation-releases\"").doesNotContain("id=\"situation-expiry\"");

			long open = underWay();
			long pastDue = underWayPastDue();
			assertThat(forAnalyst).contains("id=\"releases-open\">" + open + "<", "id=\"releases-late\">" + pastDue + "<")
				.contains("id=\"situation-expiry\"");
			long yemenOpen = jdbc.sql("""
					SELECT count(*) FROM reserves.release_request
					WHERE country_iso3 = 'YEM' AND status IN ('SUBMITTED', 'ASSESSED', 'APPROVED', 'DISPATCHED')
					""").query(Long.class).single();
			assertThat(forFocal).contains("id=\"releases-open\">" + yemenOpen + "<")
				.doesNotContain("id=\"situation-expiry\"");
			// The operator's reserve has no approved request: the late submitted one is not theirs to see.
			assertThat(forOperator).contains("id=\"releases-open\">0<", "id=\"lots-near-expiry\">0<");
		}
		finally {
			jdbc.sql("DELETE FROM reserves.release_request WHERE id = :id").param("id", late).update();
		}
	}

	@Test
	void theReleaseFiguresCountEveryRequestNotOnlyTheNewestPage() {
		// The release list stops at its 500 newest requests; the dashboard's counts must not.
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES
				    ('DASH-MANY', 'Many requests reserve', 'احتياطي الطلبات الكثيرة', 'Réserve aux nombreuses demandes')
				ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by)
				SELECT 'YEM', 'DASH-MANY', 'wheat', 10, 'Aden', current_date + (n % 2) * 60 - 30, 1, 'Many', 'SUBMITTED',
				       't.focal.yem'
				FROM generate_series(1, 600) AS n
				""").update();
		try {
			long open = underWay();
			long pastDue = underWayPastDue();
			assertThat(open).as("more than the list shows").isGreaterThan(500);
			assertThat(signedIn("t.analyst").get("/?lang=en").body())
				.contains("id=\"releases-open\">" + String.format(Locale.ENGLISH, "%,d", open) + "<")
				.contains("id=\"releases-late\">" + String.format(Locale.ENGLISH, "%,d", pastDue) + "<");
		}
		finally {
			jdbc.sql("DELETE FROM reserves.release_request WHERE reserve_code = 'DASH-MANY'").update();
		}
	}

	/** Every request under way, whoever may read it. */
	private long underWay() {
		return jdbc.sql("""
				SELECT count(*) FROM reserves.release_request WHERE status IN ('SUBMITTED', 'ASSESSED', 'APPROVED', 'DISPATCHED')
				""").query(Long.class).single();
	}

	/** Every request under way past its need-by date. */
	private long underWayPastDue() {
		return jdbc.sql("""
				SELECT count(*) FROM reserves.release_request
				WHERE status IN ('SUBMITTED', 'ASSESSED', 'APPROVED', 'DISPATCHED') AND need_by < current_date
				""").query(Long.class).single();
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestAccounts.PASSWORD);
		return session;
	}

}
