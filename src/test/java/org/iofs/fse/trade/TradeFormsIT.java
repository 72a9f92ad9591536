package org.iofs.fse.trade;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's member trades from pages: drafts an offer, publishes it, withdraws it; sends a request for quotation
 * to the sellers they have dealt with; a refused form comes back naming the field, with what was typed kept.
 */
class TradeFormsIT extends PlatformIT {

	static final UUID FORMS = UUID.fromString("00000000-0000-0000-0000-0000000f0a45");

	private WebSession session;

	@BeforeEach
	void signIn() {
		new TradeFixtures(context, http).verifiedCompany(FORMS, "t.forms", "EGY", "EG-FORMS-1");
		session = new WebSession(port);
		session.signIn("t.forms", TestAccounts.PASSWORD);
	}

	@Test
	void aMemberDraftsPublishesAndWithdrawsAnOfferFromThePages() {
		assertThat(session.get("/trade").body()).contains("/trade/offers/new?side=SELL");
		assertThat(session.get("/trade/offers/new?side=SELL").body()).contains("offer-form");
		LocalDate from = LocalDate.now().plusDays(20);
		HttpResponse<String> drafted = session.post("/trade/offers", Map.ofEntries(Map.entry("side", "SELL"),
				Map.entry("commodity", "rice"), Map.entry("grade", "Long grain 5% broken"),
				Map.entry("quantityTonnes", "1200.5"), Map.entry("minOrderTonnes", "100"),
				Map.entry("pricePerTonne", "512.40"), Map.entry("currency", "usd"), Map.entry("incoterm", "FOB"),
				Map.entry("incotermPlace", "Alexandria"), Map.entry("origin", "EGY"),
				Map.entry("deliveryFrom", from.toString()), Map.entry("deliveryUntil", from.plusDays(30).toString()),
				Map.entry("validUntil", ""), Map.entry("certificate", "")), "/trade/offers/new?side=SELL");
		String location = drafted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/trade/offers/[0-9]+\\?drafted=true");
		long id = Long.parseLong(location.replaceAll(".*/trade/offers/([0-9]+).*", "$1"));
		assertThat(status(id)).isEqualTo("DRAFT");
		assertThat(jdbc.sql("SELECT quantity_tonnes::text || ' ' || currency || ' ' || hs_code FROM trade.offer WHERE id = :id")
			.param("id", id).query(String.class).single()).isEqualTo("1200.500 USD 1006");

		String page = "/trade/offers/" + id;
		assertThat(session.get(page).body()).contains("offer-publish");
		assertThat(session.post(page + "/publish", Map.of(), page).statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(session.post(page + "/withdraw", Map.of(), page).statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("WITHDRAWN");
	}

	@Test
	void aRefusedOfferComesBackToTheFormNamingTheFieldWithWhatWasTyped() {
		long before = jdbc.sql("SELECT count(*) FROM trade.offer WHERE company_id = :c").param("c", FORMS)
			.query(Long.class).single();
		LocalDate from = LocalDate.now().plusDays(20);
		HttpResponse<String> refused = session.post("/trade/offers", Map.of("side", "BUY", "commodity", "wheat",
				"quantityTonnes", "0", "pricePerTonne", "300", "currency", "USD", "incoterm", "CIF",
				"incotermPlace", "Port Said", "deliveryFrom", from.toString(), "deliveryUntil",
				from.plusDays(10).toString()), "/trade/offers/new?side=BUY");
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/trade/offers/new?side=BUY");
		String form = session.get("/trade/offers/new?side=BUY").body();
		assertThat(form).contains("offer-form-error").contains("quantityTonnes").contains("Port Said");
		assertThat(jdbc.sql("SELECT count(*) FROM trade.offer WHERE company_id = :c").param("c", FORMS)
			.query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aBuyerSendsARequestForQuotationFromItsForm() {
		assertThat(session.get("/trade/rfqs/new").body()).contains("rfq-form");
		LocalDate from = LocalDate.now().plusDays(15);
		HttpResponse<String> sent = session.post("/trade/rfqs", Map.ofEntries(Map.entry("commodity", "wheat"),
				Map.entry("tonnes", "5000"), Map.entry("incoterm", "CFR"), Map.entry("incotermPlace", "Damietta"),
				Map.entry("destination", "EGY"), Map.entry("deliveryFrom", from.toString()),
				Map.entry("deliveryUntil", from.plusDays(20).toString()),
				Map.entry("respondBy", LocalDate.now().plusDays(5).toString())), "/trade/rfqs/new");
		String location = sent.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/trade/rfqs/[0-9]+");
		long id = Long.parseLong(location.replaceAll(".*/trade/rfqs/([0-9]+)", "$1"));
		assertThat(jdbc.sql("SELECT buyer_id FROM trade.rfq WHERE id = :id").param("id", id).query(UUID.class)
			.single()).isEqualTo(FORMS);
		assertThat(session.get("/trade/rfqs/" + id).statusCode()).isEqualTo(200);
		assertThat(List.of(session.get("/trade/mine").body())).allMatch(mine -> mine.contains("/trade/rfqs/" + id));
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM trade.offer WHERE id = :id").param("id", id).query(String.class).single();
	}

}
