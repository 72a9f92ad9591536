package org.iofs.fse.engagements;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.iofs.fse.engagements.internal.Actions;
import org.iofs.fse.engagements.internal.Memoranda;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engagements as their readers see them: the Secretariat records and reads all; a focal point reads what is shared
 * with its member, never confidential minutes (in the page, the search, the feed or a notice); companies and
 * visitors read none. Bad input is refused naming the field, with nothing stored; actions remind their owners;
 * memoranda in force expire; each person's calendar feed holds what they may read, until revoked.
 */
class EngagementsIT extends PlatformIT {

	static final String MINUTES = "Confidential: the delegation hinted at a 50,000 t wheat pledge";

	@Test
	void aFocalPointReadsWhatIsSharedWithItsMemberButNeverConfidentialMinutes() {
		String analyst = bearer("t.analyst");
		long id = record(analyst, "COUNTRIES", true);
		String focal = bearer("t.focal.yem");
		HttpResponse<String> shared = http.get("/api/v1/engagements/" + id, "Authorization", focal);
		assertThat(shared.statusCode()).isEqualTo(200);
		assertThat((Object) JsonPath.read(shared.body(), "$.minutes")).isNull();
		assertThat(shared.body()).doesNotContain("50,000 t");
		assertThat((String) JsonPath.read(http.get("/api/v1/engagements/" + id, "Authorization", analyst).body(),
				"$.minutes")).isEqualTo(MINUTES);
		assertThat(http.get("/api/v1/engagements/" + id, "Authorization", bearer("t.focal.pak")).statusCode())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/engagements/" + id, "Authorization", bearer("t.company")).statusCode())
			.isEqualTo(404);
		assertThat(http.get("/api/v1/engagements/" + id).statusCode()).isEqualTo(401);
		assertThat((List<Object>) JsonPath.read(http.get("/api/v1/engagements", "Authorization", bearer("t.company"))
			.body(), "$.items")).isEmpty();

		String search = "/api/v1/engagements?q=pledge";
		assertThat((List<Integer>) JsonPath.read(http.get(search, "Authorization", analyst).body(), "$.items[*].id"))
			.contains((int) id);
		assertThat((List<Integer>) JsonPath.read(http.get(search, "Authorization", focal).body(), "$.items[*].id"))
			.as("a word of confidential minutes finds nothing for a focal point").doesNotContain((int) id);
		assertThat((List<Integer>) JsonPath.read(http.get("/api/v1/engagements?country=YEM&topic=COMMODITY:wheat",
				"Authorization", focal).body(), "$.items[*].id")).contains((int) id);

		long secret = record(analyst, "SECRETARIAT", false);
		assertThat(http.get("/api/v1/engagements/" + secret, "Authorization", focal).statusCode())
			.as("an engagement kept to the Secretariat").isEqualTo(404);
	}

	@Test
	void badInputIsRefusedNamingTheFieldWithNothingStored() {
		String analyst = bearer("t.analyst");
		long before = jdbc.sql("SELECT count(*) FROM engagements.engagement").query(Long.class).single();
		HttpResponse<String> backwards = http.postJson("/api/v1/engagements", body("COUNTRIES", true,
				LocalDate.of(2023, 10, 27), LocalDate.of(2023, 10, 26), "wheat"), "Authorization", analyst);
		assertThat((String) JsonPath.read(backwards.body(), "$.field")).isEqualTo("endsOn");
		HttpResponse<String> unknownTopic = http.postJson("/api/v1/engagements", body("COUNTRIES", true,
				LocalDate.of(2023, 10, 27), LocalDate.of(2023, 10, 27), "caviar"), "Authorization", analyst);
		assertThat((String) JsonPath.read(unknownTopic.body(), "$.field")).isEqualTo("topics[0].ref");
		assertThat(jdbc.sql("SELECT count(*) FROM engagements.engagement").query(Long.class).single()).isEqualTo(before);
		assertThat(http.postJson("/api/v1/engagements", body("COUNTRIES", true, LocalDate.of(2023, 10, 27),
				LocalDate.of(2023, 10, 27), "wheat"), "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(403);

		long id = record(analyst, "COUNTRIES", true);
		HttpResponse<String> outsider = http.postJson("/api/v1/actions", action(id, "t.focal.pak", LocalDate.now()),
				"Authorization", analyst);
		assertThat((String) JsonPath.read(outsider.body(), "$.field")).isEqualTo("owner");
		HttpResponse<String> early = http.postJson("/api/v1/actions", action(id, "t.focal.yem",
				LocalDate.of(2023, 10, 1)), "Authorization", analyst);
		assertThat((String) JsonPath.read(early.body(), "$.field")).isEqualTo("dueOn");
		HttpResponse<String> notPdf = http.postBytes("/api/v1/engagements/" + id + "/documents?title=Slides",
				"slides".getBytes(StandardCharsets.US_ASCII), "application/octet-stream", "Authorization", analyst);
		assertThat((String) JsonPath.read(notPdf.body(), "$.field")).isEqualTo("document");
		byte[] tooLarge = new byte[org.iofs.fse.shared.DocumentFile.MAX_BYTES + 1];
		System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, tooLarge, 0, 8);
		HttpResponse<String> large = http.postBytes("/api/v1/engagements/" + id + "/documents?title=Slides", tooLarge,
				"application/pdf", "Authorization", analyst);
		assertThat(large.statusCode()).isEqualTo(400);
		assertThat(large.body()).contains("20 MB");
		assertThat(jdbc.sql("SELECT count(*) FROM engagements.action WHERE engagement_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM engagements.document WHERE engagement_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anActionRemindsItsOwnerWithoutTheMinutesAndTheOwnerMovesIt() {
		String analyst = bearer("t.analyst");
		long id = record(analyst, "COUNTRIES", true);
		HttpResponse<String> created = http.postJson("/api/v1/actions", action(id, "t.focal.yem",
				LocalDate.now().plusDays(7)), "Authorization", analyst);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long action = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		context.getBean(Actions.class).remind();
		context.getBean(Actions.class).remind();
		String focal = bearer("t.focal.yem");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				http.get("/api/v1/notifications?lang=en", "Authorization", focal).body())
			.contains("Send the cooperation proposal " + id));
		String inbox = http.get("/api/v1/notifications?lang=en", "Authorization", focal).body();
		assertThat(inbox).doesNotContain("50,000 t");
		assertThat(jdbc.sql("SELECT count(*) FROM notifications.notification WHERE dedup_key LIKE :k")
			.param("k", "action:" + action + ":%").query(Long.class).single()).as("told once").isEqualTo(1);

		assertThat(http.postJson("/api/v1/actions/" + action, "{\"status\": \"IN_PROCESS\"}", "Authorization",
				bearer("t.focal.pak")).statusCode()).isEqualTo(404);
		HttpResponse<String> moved = http.postJson("/api/v1/actions/" + action,
				"{\"status\": \"COMPLETED\", \"comment\": \"Sent on Monday\"}", "Authorization", focal);
		assertThat((String) JsonPath.read(moved.body(), "$.status")).isEqualTo("COMPLETED");
		assertThat((List<String>) JsonPath.read(http.get("/api/v1/actions?mine=true", "Authorization", focal).body(),
				"$[*].title")).contains("Send the cooperation proposal " + id);
	}

	@Test
	void anActionStillOpenAfterItsDueDateIsToldToItsOwnerAndTheAnalystsOnce() {
		String analyst = bearer("t.analyst");
		long id = record(analyst, "COUNTRIES", true);
		HttpResponse<String> created = http.postJson("/api/v1/actions", action(id, "t.focal.yem", LocalDate.now()),
				"Authorization", analyst);
		long action = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		jdbc.sql("UPDATE engagements.action SET due_on = current_date - 2 WHERE id = :id").param("id", action).update();
		context.getBean(Actions.class).remind();
		context.getBean(Actions.class).remind();
		String focal = bearer("t.focal.yem");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JsonPath
			.<List<String>>read(http.get("/api/v1/notifications?lang=en", "Authorization", focal).body(), "$.items[*].subject"))
			.contains("Action overdue: Send the cooperation proposal " + id));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JsonPath
			.<List<String>>read(http.get("/api/v1/notifications?lang=en", "Authorization", analyst).body(), "$.items[*].subject"))
			.contains("Action overdue: Send the cooperation proposal " + id));
		assertThat(JsonPath.<List<String>>read(http.get("/api/v1/notifications?lang=en", "Authorization", focal).body(),
				"$.items[*].subject")).as("told once").containsOnlyOnce("Action overdue: Send the cooperation proposal " + id);
	}

	@Test
	void aMemorandumGoesFromDraftToInForceAndExpiresPastItsEnd() {
		String analyst = bearer("t.analyst");
		HttpResponse<String> draft = http.postJson("/api/v1/memoranda", """
				{"subjectEn": "Cooperation on food reserves", "subjectAr": "التعاون في الاحتياطيات الغذائية",
				 "subjectFr": "Coopération sur les réserves alimentaires", "countries": ["KWT"]}
				""", "Authorization", analyst);
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(draft.body(), "$.id")).longValue();
		String status = "/api/v1/memoranda/" + id + "/status";
		assertThat(http.postJson(status, "{\"status\": \"IN_FORCE\"}", "Authorization", analyst).statusCode())
			.as("not in force before it is signed").isEqualTo(409);
		assertThat((String) JsonPath.read(http.postJson(status, "{\"status\": \"SIGNED\"}", "Authorization", analyst)
			.body(), "$.field")).isEqualTo("signedOn");
		http.postJson(status, "{\"status\": \"SIGNED\", \"signedOn\": \"" + LocalDate.now().minusYears(2) + "\"}",
				"Authorization", analyst);
		HttpResponse<String> inForce = http.postJson(status, "{\"status\": \"IN_FORCE\", \"validUntil\": \""
				+ LocalDate.now().minusDays(1) + "\"}", "Authorization", analyst);
		assertThat((String) JsonPath.read(inForce.body(), "$.status")).isEqualTo("IN_FORCE");
		context.getBean(Memoranda.class).expire();
		assertThat((String) JsonPath.read(http.get("/api/v1/memoranda/" + id, "Authorization", analyst).body(),
				"$.status")).isEqualTo("EXPIRED");
		assertThat(http.get("/api/v1/memoranda/" + id, "Authorization", bearer("t.focal.yem")).statusCode())
			.as("Kuwait's memorandum is not Yemen's focal point's").isEqualTo(404);

		String subject = "Grain hubs " + System.nanoTime();
		long ending = ((Number) JsonPath.read(http.postJson("/api/v1/memoranda", """
				{"subjectEn": "%s", "subjectAr": "مراكز الحبوب", "subjectFr": "Plateformes céréalières", "countries": ["KAZ"],
				 "signedOn": "%s"}
				""".formatted(subject, LocalDate.now().minusYears(1)), "Authorization", analyst).body(), "$.id")).longValue();
		http.postJson("/api/v1/memoranda/" + ending + "/status", "{\"status\": \"SIGNED\"}", "Authorization", analyst);
		http.postJson("/api/v1/memoranda/" + ending + "/status", "{\"status\": \"IN_FORCE\", \"validUntil\": \""
				+ LocalDate.now().plusDays(30) + "\"}", "Authorization", analyst);
		context.getBean(Memoranda.class).expire();
		context.getBean(Memoranda.class).expire();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				http.get("/api/v1/notifications?lang=en", "Authorization", analyst).body()).contains(subject));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notifications.notification
				WHERE dedup_key LIKE :k AND account_id = (SELECT id FROM identity.account WHERE username = 't.analyst')
				""").param("k", "memorandum-expiring:" + ending + ":%").query(Long.class).single())
			.as("each analyst warned once, 90 days ahead at the latest").isEqualTo(1);
	}

	private long record(String analyst, String sharedWith, boolean confidential) {
		HttpResponse<String> created = http.postJson("/api/v1/engagements", body(sharedWith, confidential,
				LocalDate.of(2023, 10, 27), LocalDate.of(2023, 10, 27), "wheat"), "Authorization", analyst);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	static String body(String sharedWith, boolean confidential, LocalDate from, LocalDate to, String commodity) {
		return """
				{"kind": "VISIT_TO_IOFS", "titleEn": "Delegation from Yemen", "titleAr": "وفد من اليمن",
				 "titleFr": "Délégation du Yémen", "startsOn": "%s", "endsOn": "%s", "placeEn": "IOFS headquarters, Astana",
				 "placeAr": "مقر المنظمة، أستانا", "placeFr": "Siège de l'OISA, Astana",
				 "agenda": "The ecosystem; reserves", "minutes": "%s", "minutesConfidential": %s,
				 "sharedWith": "%s", "countries": ["YEM"],
				 "participants": [{"person": "Ahmed Saleh", "post": "Ambassador", "side": "MEMBER_STATE", "country": "YEM", "head": true},
				                  {"person": "Secretariat officer", "side": "IOFS"}],
				 "topics": [{"kind": "COMMODITY", "ref": "%s"}, {"kind": "ECOSYSTEM", "ref": "HUBS"}],
				 "commitments": [{"party": "IOFS and Yemen", "textEn": "Strengthen cooperation",
				                  "textAr": "تعزيز التعاون", "textFr": "Renforcer la coopération"}]}
				""".formatted(from, to, MINUTES, confidential, sharedWith, commodity);
	}

	private static String action(long engagement, String owner, LocalDate due) {
		return """
				{"engagement": %d, "title": "Send the cooperation proposal %d", "owner": "%s", "dueOn": "%s"}
				""".formatted(engagement, engagement, owner, due);
	}

}
