package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.platform.DemoData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo IFPA board: forty companies across the OIC named after their capitals in three languages (most verified,
 * some still applying, one suspended; any company organisation already there, such as the demo company account's,
 * gets a verified profile too), and their offers to sell and requests to buy the strategic commodities at prices
 * near world levels. Deterministic, labelled demo, generated only into an empty schema.
 */
@Order(40)
@Component
class DemoTrade implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoTrade.class);

	private static final int COMPANIES = 40;

	/** A traded commodity, its HS heading and a price per tonne (US dollars) near world levels. */
	private record Staple(String code, String hs, int usdPerTonne, String incoterm) {
	}

	private static final List<Staple> STAPLES = List.of(new Staple("wheat", "1001", 250, "FOB"),
			new Staple("rice", "1006", 520, "CFR"), new Staple("maize", "1005", 210, "FOB"),
			new Staple("sorghum", "1007", 230, "FCA"), new Staple("palm_oil", "1511", 900, "CIF"),
			new Staple("sugar", "1701", 480, "CFR"));

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Countries countries;

	private final Clock clock;

	private final BoardAnswers board;

	DemoTrade(JdbcClient jdbc, Organisations organisations, Countries countries, BoardAnswers board, Clock clock) {
		this.board = board;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.countries = countries;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade.company)").query(Boolean.class).single()) {
			return;
		}
		board.changed();
		Random random = new Random(1969);
		LocalDate today = LocalDate.now(clock);
		List<Country> members = countries.all().stream().filter(c -> c.capital() != null).limit(COMPANIES).toList();
		Map<UUID, Country> traders = new java.util.LinkedHashMap<>();
		for (int i = 0; i < members.size(); i++) {
			Country country = members.get(i);
			var capital = country.capital().names();
			UUID id = UUID.nameUUIDFromBytes(("demo-trade-company-" + country.iso3()).getBytes());
			organisations.ensure(id, new NewOrganisation(OrganisationType.COMPANY, country.iso3(),
					capital.en() + " Agri-Foods (demo)", "شركة " + capital.ar() + " للأغذية الزراعية (تجريبية)",
					"Agroalimentaire de " + capital.fr() + " (démo)"));
			String status = i % 13 == 5 ? "APPLIED" : i == 17 ? "SUSPENDED" : "VERIFIED";
			profile(id, country, "Agri-Foods", "للأغذية الزراعية", "Agroalimentaire", status, today.minusDays(30 + i * 7L));
			if (status.equals("VERIFIED")) {
				traders.put(id, country);
			}
		}
		for (UUID existing : organisations.idsOfType(OrganisationType.COMPANY)) {
			if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade.company WHERE organisation_id = :id)").param("id", existing)
				.query(Boolean.class).single()) {
				Country home = countries.get("MYS");
				profile(existing, home, "Foods", "للأغذية", "Aliments", "VERIFIED", today.minusDays(90));
				traders.put(existing, home);
			}
		}
		int certificates = halal(random, today);
		int offers = 0;
		for (Map.Entry<UUID, Country> trader : traders.entrySet()) {
			offers += offers(trader.getKey(), trader.getValue(), random, today);
		}
		int deals = deals(random, today);
		log.info("Demo data: {} IFPA companies, {} offers and requests, {} Halal certificates, {} deals", members.size(),
				offers, certificates, deals);
	}

	/** The steps that lead a deal to each stage, as the transition table allows them. */
	private static final Map<String, List<String>> PATHS = Map.of(
			"CONTRACTED", List.of("CONTRACTED"),
			"SHIPPED", List.of("CONTRACTED", "SHIPPED"),
			"DELIVERED", List.of("CONTRACTED", "SHIPPED", "DELIVERED"),
			"SETTLED", List.of("CONTRACTED", "SHIPPED", "DELIVERED", "SETTLED"),
			"DISPUTED", List.of("CONTRACTED", "SHIPPED", "DISPUTED"),
			"CANCELLED", List.of("CONTRACTED", "CANCELLED"));

	/** The stages demo deals stand at, in turn; a cancelled one never counts in the deal prices. */
	private static final List<String> STAGES = List.of("SETTLED", "DELIVERED", "SHIPPED", "CONTRACTED", "DISPUTED",
			"SETTLED", "CANCELLED");

	/**
	 * Demo deals over the last three months: for wheat, rice and sugar, each month three sellers of one OIC group
	 * (so that the commodity page publishes a median) sell to a buyer of another member, each through a request for
	 * quotation and its accepted quote, the deals standing at every stage.
	 */
	private int deals(Random random, LocalDate today) {
		List<Map<String, Object>> verified = jdbc.sql("""
				SELECT c.organisation_id, c.country_iso3 FROM trade.company c WHERE c.kyc_status = 'VERIFIED' AND c.demo
				ORDER BY c.legal_name_en
				""").query().listOfRows();
		Map<String, List<UUID>> byGroup = new java.util.TreeMap<>();
		for (Map<String, Object> row : verified) {
			byGroup.computeIfAbsent(countries.get((String) row.get("country_iso3")).oicGroup().name(),
					k -> new java.util.ArrayList<>()).add((UUID) row.get("organisation_id"));
		}
		List<UUID> sellers = byGroup.values().stream().filter(g -> g.size() >= 4).findFirst().orElse(List.of());
		if (sellers.size() < 4) {
			return 0;
		}
		UUID buyer = (UUID) verified.stream().map(r -> r.get("organisation_id")).filter(id -> !sellers.contains(id))
			.findFirst().orElse(sellers.get(3));
		int made = 0;
		for (Staple staple : List.of(STAPLES.get(0), STAPLES.get(1), STAPLES.get(5))) {
			for (int monthsAgo = 2; monthsAgo >= 0; monthsAgo--) {
				LocalDate day = today.minusMonths(monthsAgo).withDayOfMonth(1).plusDays(3);
				for (int k = 0; k < 3; k++) {
					UUID seller = sellers.get(k);
					String stage = STAGES.get(made % STAGES.size());
					BigDecimal price = BigDecimal.valueOf(staple.usdPerTonne() * (0.92 + random.nextDouble() * 0.16))
						.setScale(2, RoundingMode.HALF_UP);
					String destination = (String) verified.stream().filter(r -> r.get("organisation_id").equals(buyer))
						.findFirst().orElseThrow().get("country_iso3");
					long rfq = jdbc.sql("""
							INSERT INTO trade.rfq (buyer_id, commodity_code, hs_code, tonnes, incoterm, incoterm_place,
							    destination_iso3, delivery_from, delivery_until, respond_by, status, created_by, created_at, demo)
							VALUES (:buyer, :commodity, :hs, 1000, 'CFR', 'Main port', :destination, :from, :until, :respondBy,
							    'AWARDED', 'demo', :at, true) RETURNING id
							""").param("buyer", buyer).param("commodity", staple.code()).param("hs", staple.hs())
						.param("destination", destination).param("from", Date.valueOf(day.plusDays(20)))
						.param("until", Date.valueOf(day.plusDays(60))).param("respondBy", Date.valueOf(day.plusDays(7)))
						.param("at", java.sql.Timestamp.valueOf(day.atTime(9, 0))).query(Long.class).single();
					long quote = jdbc.sql("""
							INSERT INTO trade.quote (rfq_id, seller_id, tonnes, price_per_tonne, currency, incoterm,
							    incoterm_place, valid_until, status, quoted_by, quoted_at, demo)
							VALUES (:rfq, :seller, 1000, :price, 'USD', 'CFR', 'Main port', :valid, 'ACCEPTED', 'demo', :at, true)
							RETURNING id
							""").param("rfq", rfq).param("seller", seller).param("price", price)
						.param("valid", Date.valueOf(day.plusDays(14))).param("at", java.sql.Timestamp.valueOf(day.atTime(12, 0)))
						.query(Long.class).single();
					long deal = jdbc.sql("""
							INSERT INTO trade.deal (quote_id, buyer_id, seller_id, commodity_code, hs_code, tonnes,
							    price_per_tonne, currency, incoterm, incoterm_place, destination_iso3, delivery_from,
							    delivery_until, payment_mode, status, contracted_at, demo)
							VALUES (:quote, :buyer, :seller, :commodity, :hs, 1000, :price, 'USD', 'CFR', 'Main port',
							    :destination, :from, :until, :payment, :status, :at, true)
							RETURNING id
							""").param("quote", quote).param("buyer", buyer).param("seller", seller)
						.param("commodity", staple.code()).param("hs", staple.hs()).param("price", price)
						.param("destination", destination).param("from", Date.valueOf(day.plusDays(20)))
						.param("until", Date.valueOf(day.plusDays(60)))
						.param("payment", made % 3 == 0 ? "ISLAMIC_FINANCE" : "LETTER_OF_CREDIT").param("status", stage)
						.param("at", java.sql.Timestamp.valueOf(day.plusDays(8).atTime(10, 0))).query(Long.class).single();
					// Two lots of 500 t: one at mid-window, one at its end.
					jdbc.sql("""
							INSERT INTO trade.deal_lot (deal_id, lot, tonnes, deliver_by)
							VALUES (:deal, 1, 500, :middle), (:deal, 2, 500, :until)
							""").param("deal", deal).param("middle", Date.valueOf(day.plusDays(40)))
						.param("until", Date.valueOf(day.plusDays(60))).update();
					String from = null;
					int step = 0;
					for (String to : PATHS.get(stage)) {
						jdbc.sql("""
								INSERT INTO trade.deal_event (deal_id, from_status, to_status, actor, at)
								VALUES (:deal, :from, :to, 'demo', :at)
								""").param("deal", deal).param("from", from).param("to", to)
							.param("at", java.sql.Timestamp.valueOf(day.plusDays(8 + 10L * step++).atTime(10, 0))).update();
						from = to;
					}
					made++;
				}
			}
		}
		return made;
	}

	/** A demo certifying body: its code, home and names. */
	private record Body(String code, String country, String en, String ar, String fr) {
	}

	private static final List<Body> BODIES = List.of(
			new Body("DEMO-HCB-MY", "MYS", "Malaysian halal certification body (demo)", "جهة ماليزية لإصدار شهادات الحلال (تجريبية)",
					"Organisme malaisien de certification halal (démo)"),
			new Body("DEMO-HCB-ID", "IDN", "Indonesian halal certification body (demo)", "جهة إندونيسية لإصدار شهادات الحلال (تجريبية)",
					"Organisme indonésien de certification halal (démo)"),
			new Body("DEMO-HCB-AE", "ARE", "Emirati halal certification body (demo)", "جهة إماراتية لإصدار شهادات الحلال (تجريبية)",
					"Organisme émirien de certification halal (démo)"),
			new Body("DEMO-HCB-TR", "TUR", "Turkish halal certification body (demo)", "جهة تركية لإصدار شهادات الحلال (تجريبية)",
					"Organisme turc de certification halal (démo)"));

	/**
	 * Certifying bodies, which of them each member recognises (two or three each), and one certificate per verified
	 * company, a few of them expiring within the sixty days that warn.
	 */
	private int halal(Random random, LocalDate today) {
		for (Body body : BODIES) {
			jdbc.sql("""
					INSERT INTO trade.certifying_body (code, name_en, name_ar, name_fr, country_iso3, demo)
					VALUES (:code, :en, :ar, :fr, :country, true)
					""").param("code", body.code()).param("en", body.en()).param("ar", body.ar()).param("fr", body.fr())
				.param("country", body.country()).update();
		}
		for (Country country : countries.all()) {
			int first = random.nextInt(BODIES.size());
			for (int k = 0; k < 2 + random.nextInt(2); k++) {
				jdbc.sql("INSERT INTO trade.recognition (country_iso3, body_code) VALUES (:c, :b) ON CONFLICT DO NOTHING")
					.param("c", country.iso3()).param("b", BODIES.get((first + k) % BODIES.size()).code()).update();
			}
		}
		List<UUID> verified = jdbc.sql("SELECT organisation_id FROM trade.company WHERE kyc_status = 'VERIFIED' "
				+ "ORDER BY legal_name_en").query(UUID.class).list();
		int n = 0;
		for (UUID company : verified) {
			Body body = BODIES.get(n % BODIES.size());
			LocalDate expires = n % 9 == 4 ? today.plusDays(20 + n) : today.plusDays(200 + random.nextInt(500));
			jdbc.sql("""
					INSERT INTO trade.halal_certificate (company_id, number, holder, sites, body_code, accreditation_body,
					    accreditation_number, standard, edition, scope_hs, issued_on, expires_on, demo)
					SELECT organisation_id, :number, legal_name_en, ARRAY['Main plant'], :body, :hab, :habNumber,
					    :standard, :edition, ARRAY['1001', '1005', '1006', '1007', '1511', '1701'], :issued, :expires, true
					FROM trade.company WHERE organisation_id = :company
					""")
				.param("number", "HC-" + body.country() + "-" + (1000 + n))
				.param("body", body.code())
				.param("hab", "National accreditation body of " + body.country() + " (demo)")
				.param("habNumber", "AB-" + (100 + n))
				.param("standard", n % 2 == 0 ? "OIC/SMIIC 1" : "GSO 2055-1")
				.param("edition", n % 2 == 0 ? "2019" : "2015")
				.param("issued", Date.valueOf(expires.minusYears(2)))
				.param("expires", Date.valueOf(expires))
				.param("company", company)
				.update();
			n++;
		}
		return n;
	}

	private void profile(UUID id, Country country, String en, String ar, String fr, String status, LocalDate since) {
		var capital = country.capital().names();
		jdbc.sql("""
				INSERT INTO trade.company (organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3,
				    registration_number, registry, sectors, commodities, hs_headings, kyc_status, kyc_note, applied_at,
				    decided_at, decided_by, verified_on, demo)
				VALUES (:id, :en, :ar, :fr, :country, :number, :registry, '{trading,milling}', '{wheat,rice,maize}',
				    '{1001,1006,1005}', :status, :note, :since, :decided, :by, :verified, true)
				""")
			.params(Map.of("id", id, "en", capital.en() + " " + en + " Ltd (demo)", "ar",
					"شركة " + capital.ar() + " " + ar + " المحدودة (تجريبية)", "fr",
					"Société " + fr + " de " + capital.fr() + " (démo)", "country", country.iso3()))
			.param("number", "DEMO-" + country.iso3() + "-" + Math.abs(id.hashCode() % 100_000))
			.param("registry", "Commercial registry (demo)")
			.param("status", status)
			.param("note", status.equals("SUSPENDED") ? "Registration certificate expired (demo)" : "")
			.param("since", java.sql.Timestamp.valueOf(since.atTime(10, 0)))
			.param("decided", status.equals("APPLIED") ? null : java.sql.Timestamp.valueOf(since.plusDays(5).atTime(10, 0)))
			.param("by", status.equals("APPLIED") ? null : "demo.analyst")
			.param("verified", status.equals("VERIFIED") ? Date.valueOf(since.plusDays(5)) : null)
			.update();
	}

	/** One to three open offers or requests of a verified company. */
	private int offers(UUID company, Country country, Random random, LocalDate today) {
		int count = 1 + random.nextInt(3);
		for (int n = 0; n < count; n++) {
			Staple staple = STAPLES.get(random.nextInt(STAPLES.size()));
			boolean sell = random.nextInt(3) > 0;
			BigDecimal quantity = BigDecimal.valueOf(500 + random.nextInt(40) * 250L).setScale(3);
			BigDecimal price = BigDecimal.valueOf(staple.usdPerTonne() * (0.9 + random.nextDouble() * 0.25))
				.setScale(2, RoundingMode.HALF_UP);
			LocalDate from = today.plusDays(15 + random.nextInt(30));
			jdbc.sql("""
					INSERT INTO trade.offer (side, company_id, commodity_code, hs_code, grade, specification,
					    quantity_tonnes, open_tonnes, min_order_tonnes, price_per_tonne, currency, incoterm, incoterm_place,
					    origin_iso3, delivery_from, delivery_until, valid_until, status, created_by, published_at, demo,
					    certificate_id)
					VALUES (:side, :company, :commodity, :hs, 'GRADE_2', '', :quantity, :quantity, 250, :price, 'USD',
					    :incoterm, :place, :origin, :from, :until, :validUntil, 'PUBLISHED', 'demo', now(), true,
					    CASE WHEN :side = 'SELL' THEN (SELECT max(id) FROM trade.halal_certificate
					        WHERE company_id = :company AND status = 'VALID' AND expires_on >= :until) END)
					""")
				.param("side", sell ? "SELL" : "BUY")
				.param("company", company)
				.param("commodity", staple.code())
				.param("hs", staple.hs())
				.param("quantity", quantity)
				.param("price", price)
				.param("incoterm", staple.incoterm())
				.param("place", country.capital().names().en())
				.param("origin", sell ? country.iso3() : null)
				.param("from", Date.valueOf(from))
				.param("until", Date.valueOf(from.plusDays(60)))
				.param("validUntil", Date.valueOf(today.plusDays(20 + random.nextInt(40))))
				.update();
		}
		return count;
	}

}
