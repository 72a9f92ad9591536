package org.iofs.fse.engagements;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engagements' pages as a focal point and the Secretariat see them: the timeline, an engagement without its
 * confidential minutes for the one and with them for the other, the country cockpit's tab, a topic's page listing
 * the engagements about it, one's actions on the home page and in the month's calendar, and the calendar feed,
 * created, read by a calendar client and revoked.
 */
class EngagementPagesIT extends PlatformIT {

	@Test
	void aFocalPointSeesItsMembersEngagementsAndFeedButNeverConfidentialMinutes() {
		String analyst = bearer("t.analyst");
		HttpResponse<String> created = http.postJson("/api/v1/engagements", EngagementsIT.body("COUNTRIES", true,
				LocalDate.now().minusDays(2), LocalDate.now().minusDays(1), "wheat"), "Authorization", analyst);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		HttpResponse<String> action = http.postJson("/api/v1/actions", """
				{"engagement": %d, "title": "Share the silo plans %d", "owner": "t.focal.yem", "dueOn": "%s"}
				""".formatted(id, id, LocalDate.now().plusDays(3)), "Authorization", analyst);
		assertThat(action.statusCode()).as(action.body()).isEqualTo(201);

		WebSession focal = new WebSession(port);
		focal.signIn("t.focal.yem", TestAccounts.PASSWORD);
		assertThat(focal.get("/engagements?lang=ar").body()).doesNotContain("id=\"e-partner\"")
			.contains("data-engagement=\"" + id + "\"")
			.contains("وفد من اليمن");
		String page = focal.get("/engagements/" + id + "?lang=fr").body();
		assertThat(page).contains("Délégation du Yémen").contains("Renforcer la coopération")
			.doesNotContain("50,000 t").doesNotContain("id=\"engagement-minutes\"");
		assertThat(focal.get("/countries/YEM/engagements").body()).contains("id=\"relationship\"")
			.contains("data-engagement=\"" + id + "\"");
		assertThat(focal.get("/engagements/about?kind=COMMODITY&ref=wheat").body())
			.contains("data-engagement=\"" + id + "\"");
		assertThat(focal.get("/?lang=en").body()).contains("id=\"my-actions\"").contains("Share the silo plans " + id);
		assertThat(focal.get("/engagements/calendar?month=" + LocalDate.now().plusDays(3).toString().substring(0, 7))
			.body()).contains("Share the silo plans " + id);

		HttpResponse<String> renewed = focal.post("/engagements/calendar-feed", Map.of(), "/engagements/actions");
		assertThat(renewed.statusCode()).isEqualTo(302);
		String actions = focal.get("/engagements/actions").body();
		Matcher address = Pattern.compile("/calendar/([A-Za-z0-9_-]{20,100})\\.ics").matcher(actions);
		assertThat(address.find()).as("the feed's address shown once").isTrue();
		HttpResponse<String> feed = http.get("/calendar/" + address.group(1) + ".ics");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains("BEGIN:VTODO")
			.contains("UID:engagement-" + id + "@fse.iofs").contains("RELATED-TO:engagement-" + id + "@fse.iofs")
			.contains("Share the silo plans " + id).doesNotContain("50,000 t");
		biweekly.ICalendar parsed = biweekly.Biweekly.parse(feed.body()).first();
		assertThat(parsed).as("a calendar client reads the feed").isNotNull();
		assertThat(parsed.getEvents()).isNotEmpty();
		assertThat(parsed.getTodos()).anySatisfy(todo -> assertThat(todo.getSummary().getValue())
			.isEqualTo("Share the silo plans " + id));
		assertThat(focal.get("/engagements/actions").body()).doesNotContain(address.group(1));
		focal.post("/engagements/calendar-feed/revoke", Map.of(), "/engagements/actions");
		assertThat(http.get("/calendar/" + address.group(1) + ".ics").statusCode()).as("revoked").isEqualTo(404);

		WebSession secretariat = new WebSession(port);
		secretariat.signIn("t.analyst", TestAccounts.PASSWORD);
		assertThat(secretariat.get("/engagements/" + id).body()).contains("id=\"engagement-minutes\"").contains("50,000 t");
		HttpResponse<String> company = signedIn("t.company").get("/engagements/" + id);
		assertThat(company.statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/engagements").statusCode()).as("a visitor is sent to sign in")
			.isEqualTo(302);

		HttpResponse<String> done = focal.post("/engagements/actions/" + JsonPath.read(action.body(), "$.id"),
				Map.of("status", "COMPLETED", "comment", "Plans sent"), "/engagements/actions");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(focal.get("/engagements/actions").body()).contains("Plans sent");
	}

	@Test
	void theSecretariatRecordsAnEngagementFromItsFormAndGivesItAnAction() {
		WebSession analyst = signedIn("t.analyst");
		assertThat(analyst.get("/engagements/new?lang=ar").body()).contains("id=\"engagement-form\"")
			.contains("id=\"f-partners\"");
		assertThat(analyst.get("/engagements").body()).contains("id=\"e-partner\"").contains("id=\"new-engagement\"");
		List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(Map.entry("kind", "MISSION"),
				Map.entry("titleEn", "Mission to Chad"), Map.entry("titleAr", "بعثة إلى تشاد"),
				Map.entry("titleFr", "Mission au Tchad"), Map.entry("startsOn", "2026-03-10"),
				Map.entry("endsOn", "2026-03-12"), Map.entry("placeEn", "N'Djamena"), Map.entry("placeAr", "نجامينا"),
				Map.entry("placeFr", "N'Djamena"), Map.entry("countries", "TCD"), Map.entry("sharedWith", "COUNTRIES"),
				Map.entry("person", "Minister of Agriculture"), Map.entry("post", "Minister"),
				Map.entry("organisation", ""), Map.entry("side", "MEMBER_STATE"), Map.entry("participantCountry", "TCD"),
				Map.entry("head", "0"), Map.entry("person", ""), Map.entry("post", ""), Map.entry("organisation", ""),
				Map.entry("side", "IOFS"), Map.entry("participantCountry", ""), Map.entry("commodityTopic", "sorghum"),
				Map.entry("ecosystemTopic", "HUBS"), Map.entry("commitmentParty", "Chad"),
				Map.entry("commitmentEn", "Host a hub"), Map.entry("commitmentAr", "استضافة مركز"),
				Map.entry("commitmentFr", "Accueillir une plateforme")));
		List<Map.Entry<String, String>> backwards = new java.util.ArrayList<>(fields);
		backwards.set(5, Map.entry("endsOn", "2026-03-01"));
		HttpResponse<String> refused = analyst.postRows("/engagements", backwards, "/engagements/new");
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/engagements/new"));
		assertThat(analyst.get("/engagements/new").body()).contains("endsOn");
		HttpResponse<String> recorded = analyst.postRows("/engagements", fields, "/engagements/new");
		String location = recorded.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/engagements/[0-9]+");
		String id = location.substring(location.lastIndexOf('/') + 1);
		String page = analyst.get("/engagements/" + id + "?lang=fr").body();
		assertThat(page).contains("Mission au Tchad").contains("Accueillir une plateforme").contains("Minister of Agriculture");
		HttpResponse<String> action = analyst.post("/engagements/" + id + "/actions", Map.of("title",
				"Send the hub study", "owner", "t.analyst", "dueOn", "2026-04-01"), "/engagements/" + id);
		assertThat(action.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("#action-"));
		assertThat(analyst.get("/engagements/" + id).body()).contains("Send the hub study");
		assertThat(signedIn("t.focal.yem").get("/engagements/new").statusCode()).isEqualTo(403);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestAccounts.PASSWORD);
		return session;
	}

}
