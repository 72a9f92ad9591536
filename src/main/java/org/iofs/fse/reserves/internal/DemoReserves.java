package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.reserves.Hubs;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo reserves: six regional reserve systems covering the 57 members, five hubs each (DEMO-HUB-1 to DEMO-HUB-30,
 * at members' capitals), lots received over the last two years with best-before dates from already past to two
 * years ahead, and pledges of members' own stock. Deterministic, marked demo, generated only into an empty schema;
 * the expiry job then marks the expired lots and raises the near-expiry alerts. Six release requests, one per
 * reserve, stand at different stages of the workflow.
 */
// Before the demo transport network, which joins these hubs to the members.
@Order(10)
@Component
class DemoReserves implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoReserves.class);

	private record Region(String code, String en, String ar, String fr, List<String> members) {
	}

	private static final List<Region> REGIONS = List.of(
			new Region("DEMO-MAGHREB", "Maghreb and Nile food reserve (demo)", "احتياطي المغرب العربي والنيل الغذائي (تجريبي)",
					"Réserve alimentaire Maghreb et Nil (démo)", List.of("MAR", "DZA", "TUN", "LBY", "EGY", "MRT")),
			new Region("DEMO-GULF-LEVANT", "Gulf and Levant food reserve (demo)", "احتياطي الخليج والمشرق الغذائي (تجريبي)",
					"Réserve alimentaire Golfe et Levant (démo)",
					List.of("SAU", "ARE", "JOR", "YEM", "IRQ", "OMN", "KWT", "QAT", "BHR", "LBN", "SYR", "PSE")),
			new Region("DEMO-WEST-AFRICA", "West Africa food reserve (demo)", "احتياطي غرب أفريقيا الغذائي (تجريبي)",
					"Réserve alimentaire Afrique de l'Ouest (démo)",
					List.of("SEN", "NGA", "CIV", "MLI", "NER", "BFA", "GIN", "GMB", "GNB", "SLE", "TGO", "BEN", "TCD", "CMR")),
			new Region("DEMO-EAST-AFRICA", "East and Central Africa food reserve (demo)",
					"احتياطي شرق ووسط أفريقيا الغذائي (تجريبي)", "Réserve alimentaire Afrique de l'Est et centrale (démo)",
					List.of("SDN", "SOM", "DJI", "UGA", "MOZ", "COM", "GAB")),
			new Region("DEMO-CENTRAL-ASIA", "Central Asia and Türkiye food reserve (demo)",
					"احتياطي آسيا الوسطى وتركيا الغذائي (تجريبي)", "Réserve alimentaire Asie centrale et Türkiye (démo)",
					List.of("TUR", "KAZ", "UZB", "AZE", "IRN", "AFG", "KGZ", "TJK", "TKM", "ALB")),
			new Region("DEMO-SOUTH-ASIA", "South and Southeast Asia food reserve (demo)",
					"احتياطي جنوب وجنوب شرق آسيا الغذائي (تجريبي)", "Réserve alimentaire Asie du Sud et du Sud-Est (démo)",
					List.of("PAK", "IDN", "BGD", "MYS", "BRN", "MDV", "SUR", "GUY")));

	private static final List<String> COMMODITIES = List.of("wheat", "rice", "maize", "sorghum", "palm_oil", "sugar");

	/** A demo hub's kind and how its name is made from its city's, in the three languages. */
	private enum HubKind {

		WAREHOUSE("%s warehouse", "مستودع %s", "Entrepôt de %s"),
		SILO("%s silo", "صومعة %s", "Silo de %s"),
		PORT("%s port", "ميناء %s", "Port de %s");

		private final String en;

		private final String ar;

		private final String fr;

		HubKind(String en, String ar, String fr) {
			this.en = en;
			this.ar = ar;
			this.fr = fr;
		}

	}

	private final JdbcClient jdbc;

	private final Countries countries;

	private final ExpiryJob expiry;

	private final AuditTrail audit;

	private final Releases releases;

	private final Clock clock;

	private final Hubs hubs;

	DemoReserves(JdbcClient jdbc, Countries countries, ExpiryJob expiry, AuditTrail audit, Releases releases, Hubs hubs,
			Clock clock) {
		this.clock = clock;
		this.hubs = hubs;
		this.jdbc = jdbc;
		this.countries = countries;
		this.expiry = expiry;
		this.audit = audit;
		this.releases = releases;
	}

	/**
	 * A demo request: for a member of the reserve, carried through the workflow up to a stage. What people write
	 * in it (the justification, the delivery point, the notes) is written in the language its focal point would
	 * write in, as real requests are: read as written, in every language of the page.
	 */
	private record Scenario(String reserve, String country, int tier, String payment, String stage, Words words) {
	}

	/** What the people of a demo request write, in one language; %s is the capital, then the hub's name. */
	private record Words(Locale language, String deliveryPoint, String justification, String assessment,
			String condition) {
	}

	private static final Words ENGLISH = new Words(Locale.ENGLISH, "Main port of entry, %s",
			"Drought and a price spike; local and national stocks drawn down",
			"Need confirmed by the early-warning figures; stock available at %s", "Good, bags intact");

	private static final Words FRENCH = new Words(Locale.FRENCH, "Port d'entrée principal, %s",
			"Sécheresse et flambée des prix ; stocks locaux et nationaux épuisés",
			"Besoin confirmé par les indicateurs d'alerte précoce ; stock disponible à %s", "Bon état, sacs intacts");

	private static final Words ARABIC = new Words(Locale.forLanguageTag("ar"), "ميناء الدخول الرئيسي، %s",
			"جفاف وارتفاع حاد في الأسعار؛ نفدت المخزونات المحلية والوطنية",
			"الحاجة مؤكدة بمؤشرات الإنذار المبكر؛ المخزون متوفر في %s", "حالة جيدة، الأكياس سليمة");

	private static final List<Scenario> SCENARIOS = List.of(
			new Scenario("DEMO-WEST-AFRICA", "SEN", 3, null, "CLOSED", FRENCH),
			new Scenario("DEMO-GULF-LEVANT", "YEM", 3, null, "DISPATCHED", ARABIC),
			new Scenario("DEMO-SOUTH-ASIA", "PAK", 2, "LOAN", "APPROVED", ENGLISH),
			new Scenario("DEMO-EAST-AFRICA", "SOM", 1, null, "ASSESSED", ARABIC),
			new Scenario("DEMO-MAGHREB", "MRT", 3, null, "SUBMITTED", FRENCH),
			new Scenario("DEMO-CENTRAL-ASIA", "AFG", 2, "GRANT", "DRAFT", ENGLISH));

	/** The capital's or the hub's name in the language of the words. */
	private static String in(Words words, org.iofs.fse.shared.LocalizedText names) {
		return words == ARABIC ? names.ar() : words == FRENCH ? names.fr() : names.en();
	}

	/**
	 * Runs each scenario through the release workflow as the people who would act (the country's focal point, an
	 * analyst, the hub's operator), so that demo requests carry real events, shipments and ledger entries.
	 */
	private int requests() {
		int made = 0;
		for (Scenario scenario : SCENARIOS) {
			Map<String, Object> stock = jdbc.sql("""
					SELECT b.hub_code, b.commodity_code, b.on_hand FROM reserves.lot_balance b
					JOIN reserves.lot l ON l.id = b.lot_id JOIN reserves.hub h ON h.code = b.hub_code
					WHERE h.reserve_code = :r AND l.quality_status = 'AVAILABLE' AND l.best_before > CAST(:today AS date) + 60
					ORDER BY b.on_hand DESC LIMIT 1
					""").param("r", scenario.reserve()).param("today", Date.valueOf(LocalDate.now(clock))).query().listOfRows().stream().findFirst().orElse(null);
			if (stock == null || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.reserve_member WHERE reserve_code = :r AND country_iso3 = :c)")
				.param("r", scenario.reserve()).param("c", scenario.country()).query(Boolean.class).single()) {
				continue;
			}
			String hub = (String) stock.get("hub_code");
			BigDecimal tonnes = ((BigDecimal) stock.get("on_hand")).min(BigDecimal.valueOf(500)).setScale(0, RoundingMode.DOWN);
			Caller focal = demoCaller("demo.focal." + scenario.country().toLowerCase(Locale.ROOT),
					new Grant(Role.COUNTRY_FOCAL_POINT, Scope.country(scenario.country())));
			Caller analyst = demoCaller("demo.analyst", Grant.global(Role.ANALYST));
			Caller operator = demoCaller("demo.hub.operator." + hub.toLowerCase(Locale.ROOT),
					new Grant(Role.HUB_OPERATOR, Scope.hub(hub)));
			Words words = scenario.words();
			// The people of the scenario read the platform, and write, in the language of its words.
			org.springframework.context.i18n.LocaleContextHolder.setLocale(words.language());
			String capital = in(words, countries.get(scenario.country()).capital().names());
			String hubName = in(words, hubs.get(hub).names());
			long id = as(focal, () -> releases.create(new Releases.NewRequest(scenario.country(), scenario.reserve(),
					(String) stock.get("commodity_code"), tonnes, words.deliveryPoint().formatted(capital),
					LocalDate.now(clock).plusDays(40), scenario.tier(), scenario.payment(), words.justification(), true,
					true))).id();
			jdbc.sql("UPDATE reserves.release_request SET demo = true WHERE id = :id").param("id", id).update();
			List<String> stages = List.of("DRAFT", "SUBMITTED", "ASSESSED", "APPROVED", "DISPATCHED", "DELIVERED", "CLOSED");
			int target = stages.indexOf(scenario.stage());
			if (target >= 1) {
				as(focal, () -> releases.submit(id));
			}
			if (target >= 2) {
				as(analyst, () -> releases.assess(id, words.assessment().formatted(hubName)));
			}
			if (target >= 3) {
				as(analyst, () -> releases.approve(id));
			}
			if (target >= 4) {
				as(operator, () -> releases.dispatch(id, new Releases.Dispatch(hub, "ROAD", LocalDate.now(clock),
						LocalDate.now(clock).plusDays(18))));
			}
			if (target >= 5) {
				as(focal, () -> releases.deliver(id, new Releases.Delivery(tonnes, words.condition())));
			}
			if (target >= 6) {
				as(analyst, () -> releases.close(id));
			}
			made++;
		}
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		return made;
	}

	private static Caller demoCaller(String username, Grant grant) {
		return new Caller(null, username, username, null, Set.of(grant));
	}

	private static <T> T as(Caller caller, Supplier<T> action) {
		CallerPrincipal principal = () -> caller;
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.reserve)").query(Boolean.class).single()) {
			return;
		}
		Map<String, Country> members = new LinkedHashMap<>();
		countries.all().forEach(c -> members.put(c.iso3(), c));
		Random random = new Random(2026);
		LocalDate today = LocalDate.now(clock);
		int hubNumber = 0;
		int lots = 0;
		for (Region region : REGIONS) {
			jdbc.sql("""
					INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr, committee, rules, financial_tonnes, demo)
					VALUES (:code, :en, :ar, :fr, :committee, :rules, :financial, true)
					""")
				.param("committee", governance(region)[0])
				.param("rules", governance(region)[1])
				.param("code", region.code())
				.param("en", region.en())
				.param("ar", region.ar())
				.param("fr", region.fr())
				.param("financial", BigDecimal.valueOf(20_000 + random.nextInt(80) * 1_000L))
				.update();
			List<String> present = region.members().stream().filter(members::containsKey).toList();
			for (String iso3 : present) {
				jdbc.sql("INSERT INTO reserves.reserve_member (reserve_code, country_iso3) VALUES (:r, :c)")
					.param("r", region.code())
					.param("c", iso3)
					.update();
			}
			for (int i = 0; i < 5 && i < present.size(); i++) {
				Country country = members.get(present.get(i));
				String hub = "DEMO-HUB-" + (++hubNumber);
				HubKind kind = HubKind.values()[hubNumber % 3];
				var capital = country.capital().names();
				jdbc.sql("""
						INSERT INTO reserves.hub (code, name, name_ar, name_fr, kind, country_iso3, reserve_code, operator,
						    operator_ar, operator_fr, latitude, longitude, conditions, demo)
						VALUES (:code, :name, :nameAr, :nameFr, :kind, :country, :reserve, :operator, :operatorAr,
						    :operatorFr, :lat, :lon, :conditions, true)
						""")
					.param("code", hub)
					.param("name", kind.en.formatted(capital.en()))
					.param("nameAr", kind.ar.formatted(capital.ar()))
					.param("nameFr", kind.fr.formatted(capital.fr()))
					.param("kind", kind.name())
					.param("country", country.iso3())
					.param("reserve", region.code())
					.param("operator", "National Food Agency, " + country.names().en())
					.param("operatorAr", "الهيئة الوطنية للغذاء، " + country.names().ar())
					.param("operatorFr", "Agence nationale de l'alimentation, " + country.names().fr())
					.param("lat", country.capital().latitude())
					.param("lon", country.capital().longitude())
					.param("conditions", kind == HubKind.SILO ? new String[] { "AERATED", "FUMIGATION", "BULK" }
							: new String[] { "VENTILATED", "PALLETS" })
					.update();
				for (String commodity : COMMODITIES) {
					jdbc.sql("INSERT INTO reserves.hub_capacity (hub_code, commodity_code, tonnes) VALUES (:h, :c, :t)")
						.param("h", hub)
						.param("c", commodity)
						.param("t", BigDecimal.valueOf(5_000 + random.nextInt(20) * 1_000L))
						.update();
				}
				lots += lots(hub, random, today);
			}
			for (String iso3 : present.subList(0, Math.min(3, present.size()))) {
				jdbc.sql("""
						INSERT INTO reserves.pledge (reserve_code, country_iso3, commodity_code, tonnes, grade, valid_from,
						    valid_until, must_replenish, demo)
						VALUES (:r, :c, :commodity, :t, 'GRADE_2', :from, :until, true, true)
						""")
					.param("r", region.code())
					.param("c", iso3)
					.param("commodity", COMMODITIES.get(random.nextInt(4)))
					.param("t", BigDecimal.valueOf(10_000 + random.nextInt(40) * 1_000L))
					.param("from", Date.valueOf(today.withDayOfYear(1)))
					.param("until", Date.valueOf(today.withDayOfYear(1).plusYears(3).minusDays(1)))
					.update();
			}
		}
		ExpiryJob.Outcome outcome = expiry.run();
		int requests = requests();
		audit.record("reserves.demo-generated", "reserves", "demo", null,
				Map.of("reserves", REGIONS.size(), "hubs", hubNumber, "lots", lots, "requests", requests));
		log.info("Demo data: {} reserves, {} hubs, {} lots ({} expired, {} near-expiry alerts), {} release requests",
				REGIONS.size(), hubNumber, lots, outcome.expired(), outcome.alerts(), requests);
	}

	/**
	 * A demo reserve's committee and rules, written once as their secretariat would write them: in Arabic for the
	 * Maghreb and the Gulf, in French for West Africa, in English elsewhere. Read as written in every language.
	 */
	private static String[] governance(Region region) {
		return switch (region.code()) {
			case "DEMO-MAGHREB", "DEMO-GULF-LEVANT" -> new String[] { "لجنة الإدارة الإقليمية",
					"خط الدفاع الثالث بعد المخزونات المحلية والوطنية؛ المستويات من 1 إلى 3" };
			case "DEMO-WEST-AFRICA" -> new String[] { "Comité régional de gestion",
					"Troisième ligne de défense après les stocks de proximité et nationaux ; niveaux 1 à 3" };
			default -> new String[] { "Regional management committee",
					"Third line of defence after local and national stocks; tiers 1 to 3" };
		};
	}

	/** A hub's lots: received over the last two years, best before from a month ago to two years ahead. */
	private int lots(String hub, Random random, LocalDate today) {
		int count = 3 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String commodity = COMMODITIES.get(random.nextInt(COMMODITIES.size()));
			LocalDate intake = today.minusDays(30 + random.nextInt(700));
			LocalDate bestBefore = today.plusDays(-30 + random.nextInt(760));
			if (bestBefore.isBefore(intake.plusDays(60))) {
				bestBefore = intake.plusDays(60 + random.nextInt(300));
			}
			BigDecimal tonnes = BigDecimal.valueOf(50 + random.nextInt(4_000)).add(BigDecimal.valueOf(random.nextInt(1000), 3))
				.setScale(3, RoundingMode.UNNECESSARY);
			long lot = jdbc.sql("""
					INSERT INTO reserves.lot (hub_code, commodity_code, grade, crop_year, intake_date, best_before, owner)
					VALUES (:hub, :c, 'GRADE_2', :crop, :intake, :bb, 'RESERVE') RETURNING id
					""")
				.param("hub", hub)
				.param("c", commodity)
				.param("crop", intake.getYear() - (intake.getMonthValue() < 6 ? 1 : 0))
				.param("intake", Date.valueOf(intake))
				.param("bb", Date.valueOf(bestBefore))
				.query(Long.class)
				.single();
			jdbc.sql("INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand) VALUES (:l, :h, :c, :t)")
				.param("l", lot)
				.param("h", hub)
				.param("c", commodity)
				.param("t", tonnes)
				.update();
			jdbc.sql("""
					INSERT INTO reserves.ledger_entry (lot_id, hub_code, kind, tonnes, reference, recorded_by, recorded_at)
					VALUES (:l, :h, 'RECEIPT', :t, :reference, 'system', :at)
					""")
				.param("l", lot)
				.param("h", hub)
				.param("t", tonnes)
				// A goods received note's number: the reference a hub writes on a receipt, the same in any language.
				.param("reference", "GRN-" + intake.getYear() + "-" + lot)
				.param("at", Timestamp.valueOf(intake.atTime(9, 0)))
				.update();
		}
		return count;
	}

}
