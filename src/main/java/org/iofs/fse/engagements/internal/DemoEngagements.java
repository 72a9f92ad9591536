package org.iofs.fse.engagements.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.access.Caller;
import org.iofs.fse.identity.Members;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.platform.DemoData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo engagements, labelled demo: the Kuwaiti delegation's visit to the IOFS headquarters in Astana on 27 October
 * 2023 as the seed tells it (its two heads, the six parts of the ecosystem presented, the commitment to strengthen
 * cooperation and an action to follow it up), and fifteen more across the OIC, with memoranda at each step of their
 * course (one ending soon) and actions for the demo accounts, some overdue.
 */
@Order(60)
@Component
class DemoEngagements implements DemoData {

	private record Demo(String kind, String en, String ar, String fr, int daysFromToday, String place, String[] countries,
			String topicKind, String topicRef, boolean shared) {
	}

	private static final String[][] PLACES = { { "IOFS headquarters, Astana", "مقر المنظمة، أستانا", "Siège de l'OISA, Astana" },
			{ "Jeddah", "جدة", "Djeddah" }, { "Dakar", "داكار", "Dakar" }, { "Islamabad", "إسلام آباد", "Islamabad" },
			{ "Video call", "مكالمة مرئية", "Visioconférence" }, { "Tashkent", "طشقند", "Tachkent" },
			{ "Cairo", "القاهرة", "Le Caire" }, { "Kuala Lumpur", "كوالالمبور", "Kuala Lumpur" } };

	private static final List<Demo> MORE = List.of(
			new Demo("MISSION", "Mission on the Sahel wheat cluster", "بعثة بشأن عنقود القمح في الساحل",
					"Mission sur la grappe du blé au Sahel", -400, "2", new String[] { "SEN", "MLI" }, "COMMODITY", "wheat", true),
			new Demo("BILATERAL_MEETING", "Meeting on Yemen's emergency reserve", "اجتماع بشأن احتياطي الطوارئ في اليمن",
					"Réunion sur la réserve d'urgence du Yémen", -200, "4", new String[] { "YEM" }, "COMMODITY", "wheat", true),
			new Demo("FORUM", "IFPA Halal food forum", "منتدى الأغذية الحلال للاتحاد", "Forum IFPA de l'alimentation halal",
					-150, "7", new String[] { "MYS", "IDN" }, "ECOSYSTEM", "IFPA", false),
			new Demo("VISIT_TO_IOFS", "Delegation from Uzbekistan", "وفد من أوزبكستان", "Délégation de l'Ouzbékistan", -120, "0",
					new String[] { "UZB" }, "ECOSYSTEM", "STRATEGIC_COMMODITIES", false),
			new Demo("SIGNING_CEREMONY", "Signing on grain storage in Central Asia", "توقيع بشأن تخزين الحبوب في آسيا الوسطى",
					"Signature sur le stockage des céréales en Asie centrale", -100, "5", new String[] { "KAZ", "KGZ" },
					"ECOSYSTEM", "HUBS", true),
			new Demo("VIDEO_CALL", "Call with Pakistan on rice prices", "مكالمة مع باكستان بشأن أسعار الأرز",
					"Appel avec le Pakistan sur les prix du riz", -60, "4", new String[] { "PAK" }, "COMMODITY", "rice", true),
			new Demo("MISSION", "Mission to Egypt on the date palm chain", "بعثة إلى مصر بشأن سلسلة نخيل التمر",
					"Mission en Égypte sur la filière du palmier dattier", -45, "6", new String[] { "EGY" }, "COMMODITY", "dates", true),
			new Demo("BILATERAL_MEETING", "Meeting with the Islamic Development Bank", "اجتماع مع البنك الإسلامي للتنمية",
					"Réunion avec la Banque islamique de développement", -30, "1", new String[] { "SAU" }, "ECOSYSTEM",
					"INVESTMENTS", false),
			new Demo("VIDEO_CALL", "Call with Bangladesh on rice storage", "مكالمة مع بنغلاديش بشأن تخزين الأرز",
					"Appel avec le Bangladesh sur le stockage du riz", -20, "4", new String[] { "BGD" }, "COMMODITY", "rice", true),
			new Demo("FORUM", "OIC food security forum", "منتدى الأمن الغذائي لمنظمة التعاون الإسلامي",
					"Forum de l'OCI sur la sécurité alimentaire", -10, "6", new String[] { "EGY", "TUN", "MAR" }, "ECOSYSTEM",
					"FOOD_BALANCE", false),
			new Demo("MISSION", "Mission to Nigeria on soybeans", "بعثة إلى نيجيريا بشأن فول الصويا", "Mission au Nigeria sur le soja",
					10, "2", new String[] { "NGA" }, "COMMODITY", "soybeans", true),
			new Demo("VISIT_TO_IOFS", "Delegation from Türkiye", "وفد من تركيا", "Délégation de la Türkiye", 20, "0",
					new String[] { "TUR" }, "ECOSYSTEM", "CLUSTER_PROJECTS", false),
			new Demo("BILATERAL_MEETING", "Meeting on the Gulf storage hubs", "اجتماع بشأن مراكز التخزين في الخليج",
					"Réunion sur les plateformes de stockage du Golfe", 35, "1", new String[] { "SAU", "OMN" }, "ECOSYSTEM",
					"HUBS", true),
			new Demo("FORUM", "Cassava value chain conference", "مؤتمر سلسلة قيمة الكسافا",
					"Conférence sur la filière du manioc", 60, "2", new String[] { "CMR", "GAB" }, "COMMODITY", "cassava", true),
			new Demo("SIGNING_CEREMONY", "Signing with Yemen on reserve release", "توقيع مع اليمن بشأن الإفراج عن الاحتياطي",
					"Signature avec le Yémen sur le déstockage", 90, "1", new String[] { "YEM" }, "COMMODITY", "wheat", true));

	private final JdbcClient jdbc;

	private final Members members;

	private final Organisations organisations;

	private final Clock clock;

	DemoEngagements(JdbcClient jdbc, Members members, Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM engagements.engagement)").query(Boolean.class).single()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Optional<Caller> analyst = members.callerNamed("demo.analyst");
		Optional<Caller> focalYemen = members.callerNamed("demo.focal.yem");
		long kuwait = kuwait();
		if (analyst.isPresent()) {
			action(kuwait, "Send the cooperation proposal to the Embassy of Kuwait", analyst.get().id(), today.minusDays(5));
		}
		for (Demo demo : MORE) {
			LocalDate day = today.plusDays(demo.daysFromToday());
			String[] place = PLACES[Integer.parseInt(demo.place())];
			long id = engagement(demo.kind(), demo.en(), demo.ar(), demo.fr(), day, place, demo.shared(),
					demo.daysFromToday() < 0 ? "Summary of the discussion, kept to the Secretariat (demo)." : "");
			for (String country : demo.countries()) {
				jdbc.sql("INSERT INTO engagements.engagement_country (engagement_id, country_iso3) VALUES (:id, :c)")
					.param("id", id).param("c", country).update();
			}
			topic(id, demo.topicKind(), demo.topicRef());
			participant(id, 0, "Director of Programmes", "Director", "IOFS", "IOFS", null, true);
			participant(id, 1, "Head of the national delegation", "Minister's representative", "", "MEMBER_STATE",
					demo.countries()[0], true);
			if (demo.daysFromToday() < 0 && analyst.isPresent()) {
				action(id, "Report on " + demo.en().toLowerCase(java.util.Locale.ROOT), analyst.get().id(),
						day.plusDays(demo.daysFromToday() < -100 ? 30 : 40));
			}
			if (demo.shared() && List.of(demo.countries()).contains("YEM") && focalYemen.isPresent()
					&& demo.daysFromToday() < 0) {
				action(id, "Send Yemen's stock figures to the Secretariat", focalYemen.get().id(), today.plusDays(7));
			}
		}
		memoranda(today);
	}

	/** The seed's own engagement. */
	private long kuwait() {
		long id = engagement("VISIT_TO_IOFS", "High-level delegation from Kuwait", "وفد رفيع المستوى من الكويت",
				"Délégation de haut niveau du Koweït", LocalDate.of(2023, 10, 27), PLACES[0], false,
				"The Secretariat presented the OIC Food Security Ecosystem; both sides agreed to strengthen cooperation (demo).");
		jdbc.sql("INSERT INTO engagements.engagement_country (engagement_id, country_iso3) VALUES (:id, 'KWT')")
			.param("id", id).update();
		participant(id, 0, "Ambassador of the State of Kuwait to Kazakhstan", "Ambassador", "State of Kuwait",
				"MEMBER_STATE", "KWT", true);
		participant(id, 1, "Chairman of the Arab Turkish Commercial Organization", "Chairman",
				"Arab Turkish Commercial Organization", "PARTNER", null, true);
		participant(id, 2, "Director General of IOFS", "Director General", "IOFS", "IOFS", null, false);
		for (String part : List.of("FOOD_BALANCE", "HUBS", "STRATEGIC_COMMODITIES", "CLUSTER_PROJECTS", "INVESTMENTS",
				"IFPA")) {
			topic(id, "ECOSYSTEM", part);
		}
		jdbc.sql("""
				INSERT INTO engagements.commitment (engagement_id, party, text_en, text_ar, text_fr)
				VALUES (:id, 'IOFS and the State of Kuwait', 'Strengthen cooperation on food security',
				        'تعزيز التعاون في مجال الأمن الغذائي', 'Renforcer la coopération en matière de sécurité alimentaire')
				""").param("id", id).update();
		return id;
	}

	private long engagement(String kind, String en, String ar, String fr, LocalDate day, String[] place, boolean shared,
			String minutes) {
		return jdbc.sql("""
				INSERT INTO engagements.engagement (kind, title_en, title_ar, title_fr, starts_on, ends_on, place_en,
				    place_ar, place_fr, agenda, minutes, minutes_confidential, shared_with, created_by, updated_at, demo)
				VALUES (:kind, :en, :ar, :fr, :day, :day, :placeEn, :placeAr, :placeFr, '', :minutes, true, :shared,
				    'demo', :now, true)
				RETURNING id
				""").param("kind", kind).param("en", en + " (demo)").param("ar", ar + " (تجريبي)")
			.param("fr", fr + " (démo)").param("day", Date.valueOf(day)).param("placeEn", place[0])
			.param("placeAr", place[1]).param("placeFr", place[2]).param("minutes", minutes)
			.param("shared", shared ? "COUNTRIES" : "SECRETARIAT").param("now", Timestamp.from(clock.instant()))
			.query(Long.class).single();
	}

	private void participant(long id, int position, String person, String post, String organisation, String side,
			String country, boolean head) {
		jdbc.sql("""
				INSERT INTO engagements.participant (engagement_id, position, person, post, organisation, side,
				    country_iso3, head)
				VALUES (:id, :position, :person, :post, :organisation, :side, :country, :head)
				""").param("id", id).param("position", position).param("person", person).param("post", post)
			.param("organisation", organisation).param("side", side).param("country", country).param("head", head)
			.update();
	}

	private void topic(long id, String kind, String ref) {
		jdbc.sql("INSERT INTO engagements.topic (engagement_id, kind, ref) VALUES (:id, :kind, :ref)")
			.param("id", id).param("kind", kind).param("ref", ref).update();
	}

	private void action(long engagement, String title, UUID owner, LocalDate due) {
		jdbc.sql("""
				INSERT INTO engagements.action (engagement_id, title, owner_id, due_on, created_by, updated_at, demo)
				VALUES (:engagement, :title, :owner, :due, 'demo', :now, true)
				""").param("engagement", engagement).param("title", title).param("owner", owner)
			.param("due", Date.valueOf(due)).param("now", Timestamp.from(clock.instant())).update();
	}

	/** A memorandum at each step, one of them in force and ending within 90 days. */
	private void memoranda(LocalDate today) {
		Object[][] rows = {
				{ "Cooperation on food security with Kuwait", "التعاون في الأمن الغذائي مع الكويت",
						"Coopération en matière de sécurité alimentaire avec le Koweït", "NEGOTIATING", null, null, "KWT" },
				{ "Grain storage hubs in Central Asia", "مراكز تخزين الحبوب في آسيا الوسطى",
						"Plateformes de stockage des céréales en Asie centrale", "IN_FORCE", today.minusYears(1),
						today.plusYears(4), "KAZ" },
				{ "Emergency food reserve for Yemen", "احتياطي الغذاء الطارئ لليمن", "Réserve alimentaire d'urgence pour le Yémen",
						"IN_FORCE", today.minusYears(3), today.plusDays(60), "YEM" },
				{ "Rice value chain with Guinea", "سلسلة قيمة الأرز مع غينيا", "Chaîne de valeur du riz avec la Guinée",
						"EXPIRED", today.minusYears(6), today.minusMonths(2), "GIN" },
				{ "Halal standards with Malaysia", "معايير الحلال مع ماليزيا", "Normes halal avec la Malaisie", "SIGNED",
						today.minusMonths(1), today.plusYears(5), "MYS" },
				{ "Date palm research with Tunisia", "أبحاث نخيل التمر مع تونس", "Recherche sur le palmier dattier avec la Tunisie",
						"DRAFT", null, null, "TUN" } };
		for (Object[] row : rows) {
			long id = jdbc.sql("""
					INSERT INTO engagements.memorandum (subject_en, subject_ar, subject_fr, status, signed_on, valid_until,
					    updated_at, demo)
					VALUES (:en, :ar, :fr, :status, :signed, :until, :now, true) RETURNING id
					""").param("en", row[0] + " (demo)").param("ar", row[1] + " (تجريبي)").param("fr", row[2] + " (démo)")
				.param("status", row[3]).param("signed", row[4] == null ? null : Date.valueOf((LocalDate) row[4]))
				.param("until", row[5] == null ? null : Date.valueOf((LocalDate) row[5]))
				.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
			jdbc.sql("INSERT INTO engagements.memorandum_party (memorandum_id, country_iso3) VALUES (:id, :c)")
				.param("id", id).param("c", row[6]).update();
		}
		organisations.idsOfType(OrganisationType.FINANCIAL_INSTITUTION).stream().sorted().findFirst()
			.ifPresent(bank -> jdbc.sql("""
					INSERT INTO engagements.memorandum_party (memorandum_id, organisation_id)
					SELECT id, :bank FROM engagements.memorandum WHERE subject_en LIKE 'Grain storage hubs%'
					""").param("bank", bank).update());
	}

}
