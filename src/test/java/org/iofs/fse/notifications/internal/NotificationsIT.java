package org.iofs.fse.notifications.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.TestMailServer;
import org.iofs.fse.trade.CertificateExpiring;
import org.iofs.fse.trade.DeliveryOverdue;
import org.iofs.fse.trade.TradeFixtures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What people are told, and only they: a quote reaches the buyer's members (in the inbox and by e-mail in each
 * one's language), never a competitor; an accepted quote reaches the chosen seller, the others learn only that they
 * were not chosen; a disabled member and an unconcerned company hear nothing; an expiring certificate reaches its
 * company, an overdue delivery both sides. Notices are read and marked read only by their own reader, and an event
 * whose handling was cut short (a crash) is handled again from the registry, telling nobody twice.
 */
class NotificationsIT extends PlatformIT {

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000bf101");

	static final UUID SELLER_A = UUID.fromString("00000000-0000-0000-0000-0000000af101");

	static final UUID SELLER_B = UUID.fromString("00000000-0000-0000-0000-0000000af102");

	static final UUID OTHER_BUYER = UUID.fromString("00000000-0000-0000-0000-0000000bf103");

	static final UUID OTHER_SELLER = UUID.fromString("00000000-0000-0000-0000-0000000af104");

	@Test
	void aQuoteAndItsAcceptanceReachThoseConcernedInTheirLanguage() throws Exception {
		String buyer = company(BUYER, "t.note.buyer", "ar", "JOR", "NOTE-BUYER");
		String a = company(SELLER_A, "t.note.a", "fr", "SEN", "NOTE-SELLER-A");
		String b = company(SELLER_B, "t.note.b", "en", "MYS", "NOTE-SELLER-B");
		UUID disabled = new TestAccounts(context).ensure("t.note.buyer2", Role.COMPANY_MEMBER, BUYER.toString());
		jdbc.sql("UPDATE identity.account SET email = 't.note.buyer2@example.org', enabled = false WHERE id = :id")
			.param("id", disabled).update();
		LocalDate today = LocalDate.now();
		HttpResponse<String> created = http.postJson("/api/v1/trade/rfqs", """
				{"buyer": "%s", "commodity": "rice", "tonnes": 1200, "incoterm": "CIF", "incotermPlace": "Aqaba",
				 "destination": "JOR", "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s",
				 "invited": ["%s", "%s"]}
				""".formatted(BUYER, today.plusDays(30), today.plusDays(60), today.plusDays(10), SELLER_A, SELLER_B),
				"Authorization", buyer);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long rfq = ((Number) JsonPath.read(created.body(), "$.id")).longValue();

		long quoteA = quote(rfq, SELLER_A, a, "512.75");
		quote(rfq, SELLER_B, b, "530.00");

		await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.receivedBy("t.note.buyer@example.org").size() == 2);
		List<MimeMessage> toBuyer = TestMailServer.receivedBy("t.note.buyer@example.org");
		assertThat(notices("quote:" + quoteA + ":0")).as("the buyer's one enabled member, nobody else").isEqualTo(1);
		String arabic = toBuyer.stream().map(TestAccess::subject).filter(s -> s.contains("NOTE-SELLER-A")).findFirst()
			.orElseThrow();
		assertThat(arabic).as("the buyer reads Arabic: the seller's Arabic name, the bundle's Arabic words")
			.contains("شركة NOTE-SELLER-A").contains("عرض سعر جديد").contains(Long.toString(rfq));
		assertThat(TestAccess.body(toBuyer.get(0))).contains("/trade/rfqs/" + rfq + "?lang=ar");
		assertThat(TestMailServer.receivedBy("t.note.a@example.org")).as("a seller never hears of a competitor's quote")
			.isEmpty();
		assertThat(TestMailServer.receivedBy("t.note.b@example.org")).isEmpty();
		assertThat(TestMailServer.receivedBy("t.note.buyer2@example.org")).as("a disabled member").isEmpty();

		HttpResponse<String> inbox = http.get("/api/v1/notifications?lang=en", "Authorization", buyer);
		List<String> subjects = JsonPath.read(inbox.body(), "$.items[*].subject");
		assertThat(subjects).as("the inbox reads in the language asked for, whatever the e-mail's")
			.anyMatch(s -> s.equals("New quote from Company NOTE-SELLER-A on your request " + rfq));
		assertThat(((Number) JsonPath.read(http.get("/api/v1/notifications/unread", "Authorization", buyer).body(),
				"$.unread")).intValue()).isGreaterThanOrEqualTo(2);
		int first = JsonPath.read(inbox.body(), "$.items[0].id");
		assertThat(http.postJson("/api/v1/notifications/" + first + "/read", "{}", "Authorization", b).statusCode())
			.as("another person's notice does not exist for them").isEqualTo(404);
		assertThat(http.postJson("/api/v1/notifications/" + first + "/read", "{}", "Authorization", buyer).statusCode())
			.isEqualTo(200);
		assertThat(JsonPath.<List<Boolean>>read(http.get("/api/v1/notifications", "Authorization", buyer).body(),
				"$.items[?(@.id == " + first + ")].read")).containsExactly(true);

		HttpResponse<String> accepted = http.postJson("/api/v1/trade/quotes/" + quoteA + "/accept", "{}",
				"Authorization", buyer);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		long deal = ((Number) JsonPath.read(accepted.body(), "$.deal.id")).longValue();
		await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.receivedBy("t.note.a@example.org").size() == 1
				&& TestMailServer.receivedBy("t.note.b@example.org").size() == 1);
		MimeMessage toA = TestMailServer.receivedBy("t.note.a@example.org").get(0);
		assertThat(toA.getSubject()).as("in French for the seller who reads French")
			.isEqualTo("Société NOTE-BUYER a accepté votre offre de prix : contrat " + deal);
		assertThat(TestMailServer.receivedBy("t.note.b@example.org").get(0).getSubject())
			.isEqualTo("Request " + rfq + ": another quote was chosen");
		assertThat(TestAccess.body(TestMailServer.receivedBy("t.note.b@example.org").get(0)))
			.as("the one not chosen learns nothing of the winner").doesNotContain("NOTE-SELLER-A").doesNotContain("512");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notifications.event_publication
				WHERE event_type LIKE '%QuoteSubmitted' AND serialized_event LIKE :rfq AND completion_date IS NOT NULL
				""").param("rfq", "%\"rfq\":" + rfq + ",%").query(Long.class).single())
			.as("each quote's publication is in the registry, completed").isEqualTo(2);
	}

	@Test
	void anEventCutShortIsHandledAgainAndTellsNobodyTwice() {
		String token = company(OTHER_BUYER, "t.note.c", "ar", "EGY", "NOTE-C");
		ApplicationEventPublisher events = context;
		long certificate = 900_000_000L + System.nanoTime() % 1_000_000;
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> events.publishEvent(
				new CertificateExpiring(certificate, OTHER_BUYER, "HC-" + certificate, LocalDate.now().plusDays(59))));
		String key = "certificate-expiring:" + certificate;
		await().atMost(Duration.ofSeconds(20)).until(() -> notices(key) == 1);

		// A crash between the notice and the registry's completion: the notice is gone, the event not completed.
		jdbc.sql("DELETE FROM notifications.notification WHERE dedup_key = :key").param("key", key).update();
		jdbc.sql("""
				UPDATE notifications.event_publication SET completion_date = NULL, status = 'PUBLISHED'
				WHERE event_type LIKE '%CertificateExpiring' AND serialized_event LIKE :number
				""").param("number", "%HC-" + certificate + "%").update();
		context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(publication -> true);
		await().atMost(Duration.ofSeconds(20)).until(() -> notices(key) == 1);
		context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(publication -> true);
		assertThat(notices(key)).as("handled again, told once").isEqualTo(1);

		String body = http.get("/api/v1/notifications?lang=fr", "Authorization", token).body();
		assertThat(JsonPath.<List<String>>read(body, "$.items[*].subject"))
			.contains("Le certificat halal HC-" + certificate + " expire le " + LocalDate.now().plusDays(59));
	}

	@Test
	void anOverdueDeliveryReachesBothSides() {
		company(OTHER_BUYER, "t.note.c", "ar", "EGY", "NOTE-C");
		company(OTHER_SELLER, "t.note.d", "en", "IDN", "NOTE-D");
		long deal = 800_000_000L + System.nanoTime() % 1_000_000;
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.publishEvent(new DeliveryOverdue(deal, OTHER_BUYER, OTHER_SELLER, new LocalizedText("Rice", "الأرز", "Riz"),
					LocalDate.now().minusDays(1))));
		String key = "delivery-overdue:" + deal;
		await().atMost(Duration.ofSeconds(20)).until(() -> notices(key) == 2);
		assertThat(jdbc.sql("""
				SELECT a.username FROM notifications.notification n JOIN identity.account a ON a.id = n.account_id
				WHERE dedup_key = :key ORDER BY 1
				""").param("key", key).query(String.class).list()).containsExactly("t.note.c", "t.note.d");
	}

	private long notices(String key) {
		return jdbc.sql("SELECT count(*) FROM notifications.notification WHERE dedup_key = :key").param("key", key)
			.query(Long.class).single();
	}

	private long quote(long rfq, UUID seller, String token, String price) {
		HttpResponse<String> quoted = http.postJson("/api/v1/trade/rfqs/" + rfq + "/quotes", """
				{"seller": "%s", "tonnes": 1200, "pricePerTonne": %s, "currency": "USD", "incoterm": "CIF",
				 "incotermPlace": "Aqaba"}
				""".formatted(seller, price), "Authorization", token);
		assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(201);
		return ((Number) JsonPath.read(quoted.body(), "$.id")).longValue();
	}

	/** A verified company with one member, who reads the platform in the given language and has an address. */
	private String company(UUID id, String user, String language, String country, String number) {
		String token = new TradeFixtures(context, http).verifiedCompany(id, user, country, number);
		jdbc.sql("UPDATE identity.account SET email = :email, language = :language WHERE username = :user")
			.param("email", user + "@example.org").param("language", language).param("user", user).update();
		return token;
	}

	/** Reading what arrived. */
	static final class TestAccess {

		static String subject(MimeMessage message) {
			try {
				return message.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		static String body(MimeMessage message) {
			try {
				return (String) message.getContent();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
