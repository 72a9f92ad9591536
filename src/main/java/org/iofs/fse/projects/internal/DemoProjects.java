package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.iofs.fse.platform.DemoData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo projects across the six reserve regions, at every stage of the IsDB cycle, labelled demo: a wheat cluster,
 * a rice value chain, a cassava processing cluster, palm oil, storage hubs built by istisna'a and others, each
 * financed by commitments and disbursements in the modes that suit it (the Saudi riyal ones valued at a demo rate).
 */
@Order(50)
@Component
class DemoProjects implements DemoData {

	private record Demo(String code, String en, String ar, String fr, String kind, String stage, String chain,
			String commodity, String[] countries, String sector, String mode, int millions, int startMonthsAgo) {

		/** A project not yet financed seeks what it costs from investors. */
		boolean seeking() {
			return startMonthsAgo == 0 && !stage.equals("APPROVAL");
		}

		/** A description in each language, from what the project is. */
		String[] descriptions() {
			return new String[] { "A demo project of the IOFS portfolio: " + en + ".",
					"مشروع تجريبي من محفظة المنظمة الإسلامية للأمن الغذائي: " + ar + ".",
					"Projet de démonstration du portefeuille de l'OISA : " + fr + "." };
		}

	}

	private static final List<Demo> PROJECTS = List.of(
			new Demo("DEMO-WHEAT-SAHEL", "Sahel wheat cluster", "عنقود القمح في الساحل", "Grappe du blé au Sahel",
					"REGIONAL_CLUSTER", "IMPLEMENTATION", "PRODUCTION", "wheat", new String[] { "SEN", "MLI", "NER" },
					"31161", "MURABAHA", 40, 18),
			new Demo("DEMO-RICE-WA", "West African rice value chain", "سلسلة قيمة الأرز في غرب أفريقيا",
					"Chaîne de valeur du riz en Afrique de l'Ouest", "REGIONAL_CLUSTER", "IMPLEMENTATION", "PROCESSING",
					"rice", new String[] { "GIN", "SLE", "CIV" }, "32161", "ISTISNAA", 55, 30),
			new Demo("DEMO-CASSAVA-CA", "Cassava processing cluster", "عنقود تصنيع الكسافا",
					"Grappe de transformation du manioc", "REGIONAL_CLUSTER", "APPRAISAL", "PROCESSING", "cassava",
					new String[] { "CMR", "GAB", "TCD" }, "32161", "MUSHARAKA", 25, 0),
			new Demo("DEMO-PALM-SEA", "Palm oil smallholders programme", "برنامج صغار منتجي زيت النخيل",
					"Programme des petits producteurs d'huile de palme", "PROGRAMME", "EFFECTIVENESS", "PRODUCTION",
					"palm_oil", new String[] { "IDN", "MYS" }, "31162", "IJARA", 60, 3),
			new Demo("DEMO-HUBS-GULF", "Strategic storage hubs, Gulf", "مراكز التخزين الاستراتيجية في الخليج",
					"Plateformes de stockage stratégique du Golfe", "REGIONAL_CLUSTER", "COMPLETION", "STORAGE", "wheat",
					new String[] { "SAU", "OMN", "YEM" }, "43071", "ISTISNAA", 120, 48),
			new Demo("DEMO-HUBS-CA", "Grain storage hubs, Central Asia", "مراكز تخزين الحبوب في آسيا الوسطى",
					"Plateformes de stockage des céréales en Asie centrale", "REGIONAL_CLUSTER", "EVALUATION", "STORAGE",
					"wheat", new String[] { "KAZ", "UZB", "KGZ", "TJK" }, "43071", "ISTISNAA", 80, 60),
			new Demo("DEMO-SEEDS-EA", "Certified seeds for East Africa", "البذور المعتمدة لشرق أفريقيا",
					"Semences certifiées pour l'Afrique de l'Est", "NATIONAL_PROJECT", "IDENTIFICATION", "INPUTS", "maize",
					new String[] { "UGA" }, "31150", "GRANT", 5, 0),
			new Demo("DEMO-DATES-MENA", "Date palm value chain", "سلسلة قيمة نخيل التمر", "Chaîne de valeur de la datte",
					"REGIONAL_CLUSTER", "PREPARATION", "PROCESSING", "dates", new String[] { "EGY", "TUN", "DZA" },
					"32161", "SALAM", 30, 0),
			new Demo("DEMO-SAFETY-TA", "Food safety laboratories", "مختبرات سلامة الأغذية",
					"Laboratoires de sécurité sanitaire des aliments", "TECHNICAL_ASSISTANCE", "IMPLEMENTATION",
					"CONSUMPTION", "wheat", new String[] { "BGD", "PAK" }, "43073", "GRANT", 8, 12),
			new Demo("DEMO-EMERGENCY-YEM", "Emergency food reserve for Yemen", "احتياطي الغذاء الطارئ لليمن",
					"Réserve alimentaire d'urgence pour le Yémen", "NATIONAL_PROJECT", "APPROVAL", "STORAGE", "wheat",
					new String[] { "YEM" }, "72040", "GRANT", 15, 0),
			new Demo("DEMO-WHEAT-MAGHREB", "Maghreb durum wheat productivity", "إنتاجية القمح الصلب في المغرب العربي",
					"Productivité du blé dur au Maghreb", "REGIONAL_CLUSTER", "IMPLEMENTATION", "PRODUCTION", "wheat",
					new String[] { "MAR", "TUN", "DZA" }, "31161", "MURABAHA", 45, 24),
			new Demo("DEMO-MILLET-SAHEL", "Millet and sorghum resilience", "صمود الدخن والذرة الرفيعة",
					"Résilience du mil et du sorgho", "REGIONAL_CLUSTER", "APPRAISAL", "PRODUCTION", "millet",
					new String[] { "NER", "BFA", "TCD" }, "31161", "GRANT", 12, 0),
			new Demo("DEMO-RICE-BGD", "Rice post-harvest storage in Bangladesh", "تخزين الأرز بعد الحصاد في بنغلاديش",
					"Stockage post-récolte du riz au Bangladesh", "NATIONAL_PROJECT", "IMPLEMENTATION", "STORAGE", "rice",
					new String[] { "BGD" }, "31192", "ISTISNAA", 35, 20),
			new Demo("DEMO-WAREHOUSE-WA", "Sahel warehouses built by istisna'a", "مستودعات الساحل المبنية بالاستصناع",
					"Entrepôts du Sahel construits par istisna'a", "REGIONAL_CLUSTER", "EFFECTIVENESS", "STORAGE",
					"sorghum", new String[] { "MLI", "SEN" }, "31192", "ISTISNAA", 50, 4),
			new Demo("DEMO-PULSES-CA", "Pulses processing in Central Asia", "تصنيع البقول في آسيا الوسطى",
					"Transformation des légumineuses en Asie centrale", "REGIONAL_CLUSTER", "PREPARATION", "PROCESSING",
					"pulses", new String[] { "UZB", "TJK" }, "32161", "SALAM", 18, 0),
			new Demo("DEMO-SUGAR-EA", "Sugar processing cluster", "عنقود تصنيع السكر", "Grappe de transformation du sucre",
					"REGIONAL_CLUSTER", "IDENTIFICATION", "PROCESSING", "sugar", new String[] { "SDN", "UGA" }, "32161",
					"MUSHARAKA", 40, 0),
			new Demo("DEMO-OILS-TUR", "Sunflower oil crushing", "عصر زيت دوار الشمس", "Trituration de l'huile de tournesol",
					"NATIONAL_PROJECT", "COMPLETION", "PROCESSING", "sunflower_oil", new String[] { "TUR", "AZE" },
					"32161", "IJARA", 22, 50),
			new Demo("DEMO-MAIZE-MOZ", "Smallholder maize recovery", "إنعاش الذرة لدى صغار المزارعين",
					"Relance du maïs des petits exploitants", "NATIONAL_PROJECT", "EVALUATION", "PRODUCTION", "maize",
					new String[] { "MOZ", "SOM" }, "31161", "GRANT", 9, 66),
			new Demo("DEMO-TRADE-IFPA", "Intra-OIC grain trade facilitation", "تيسير تجارة الحبوب بين دول المنظمة",
					"Facilitation du commerce des céréales entre pays de l'OCI", "PROGRAMME", "IMPLEMENTATION", "TRADE",
					"wheat", new String[] { "SAU", "EGY", "PAK" }, "43071", "MURABAHA", 30, 14),
			new Demo("DEMO-SOY-NGA", "Soybean value chain in Nigeria", "سلسلة قيمة فول الصويا في نيجيريا",
					"Chaîne de valeur du soja au Nigeria", "NATIONAL_PROJECT", "APPROVAL", "PRODUCTION", "soybeans",
					new String[] { "NGA" }, "31161", "MURABAHA", 20, 0));

	/** Where some demo projects work: a point each, named in the three languages. */
	private static final java.util.Map<String, List<Object[]>> LOCATIONS = java.util.Map.of(
			"DEMO-WHEAT-SAHEL", List.<Object[]>of(new Object[] { "Saint-Louis", "سان لويس", "Saint-Louis", "SEN", "16.03", "-16.49" },
					new Object[] { "Ségou", "سيغو", "Ségou", "MLI", "13.43", "-6.26" }),
			"DEMO-RICE-WA", List.<Object[]>of(new Object[] { "Kankan", "كانكان", "Kankan", "GIN", "10.39", "-9.31" }),
			"DEMO-HUBS-GULF", List.<Object[]>of(new Object[] { "Jeddah", "جدة", "Djeddah", "SAU", "21.49", "39.19" },
					new Object[] { "Sohar", "صحار", "Sohar", "OMN", "24.35", "56.71" }),
			"DEMO-WAREHOUSE-WA", List.<Object[]>of(new Object[] { "Kayes", "كايس", "Kayes", "MLI", "14.45", "-11.44" }),
			"DEMO-RICE-BGD", List.<Object[]>of(new Object[] { "Rangpur", "رانغبور", "Rangpur", "BGD", "25.75", "89.25" }),
			"DEMO-WHEAT-MAGHREB", List.<Object[]>of(new Object[] { "Meknes", "مكناس", "Meknès", "MAR", "33.89", "-5.55" },
					new Object[] { "Béja", "باجة", "Béja", "TUN", "36.73", "9.18" }));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DemoProjectDetails details;

	DemoProjects(JdbcClient jdbc, Clock clock, DemoProjectDetails details) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.details = details;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects.project)").query(Boolean.class).single()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		for (int m = 0; m <= 60; m++) {
			jdbc.sql("""
					INSERT INTO projects.fx_rate (currency, month, usd_per_unit) VALUES ('SAR', :month, 0.26666667)
					ON CONFLICT DO NOTHING
					""").param("month", Date.valueOf(YearMonth.from(today).minusMonths(m).atDay(1))).update();
		}
		for (Demo demo : PROJECTS) {
			boolean started = demo.startMonthsAgo() > 0;
			LocalDate start = started ? today.minusMonths(demo.startMonthsAgo()).withDayOfMonth(1)
					: today.plusMonths(6).withDayOfMonth(1);
			LocalDate plannedEnd = start.plusYears(4);
			boolean ended = demo.stage().equals("COMPLETION") || demo.stage().equals("EVALUATION");
			long id = jdbc.sql("""
					INSERT INTO projects.project (code, title_en, title_ar, title_fr, description_en, description_ar,
					    description_fr, kind, stage, value_chain_stage, commodities, planned_start, planned_end,
					    actual_start, actual_end, seeking_usd, published, updated_at, demo)
					VALUES (:code, :en, :ar, :fr, :descriptionEn, :descriptionAr, :descriptionFr, :kind, :stage, :chain,
					    :commodities, :start, :plannedEnd, :actualStart, :actualEnd, :seeking, true, :now, true)
					RETURNING id
					""").param("code", demo.code()).param("en", demo.en() + " (demo)").param("ar", demo.ar() + " (تجريبي)")
				.param("fr", demo.fr() + " (démo)").param("descriptionEn", demo.descriptions()[0])
				.param("descriptionAr", demo.descriptions()[1]).param("descriptionFr", demo.descriptions()[2])
				.param("kind", demo.kind()).param("stage", demo.stage())
				.param("chain", demo.chain()).param("commodities", new String[] { demo.commodity() })
				.param("start", Date.valueOf(start)).param("plannedEnd", Date.valueOf(plannedEnd))
				.param("actualStart", started ? Date.valueOf(start) : null)
				.param("actualEnd", ended ? Date.valueOf(today.minusMonths(2)) : null)
				.param("seeking", demo.seeking() ? BigDecimal.valueOf(demo.millions()).multiply(BigDecimal.valueOf(1_000_000))
						: null)
				.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
			shares(id, demo.countries());
			locations(id, LOCATIONS.getOrDefault(demo.code(), List.of()));
			jdbc.sql("INSERT INTO projects.project_sector (project_id, code, percentage) VALUES (:id, :code, 100)")
				.param("id", id).param("code", demo.sector()).update();
			jdbc.sql("""
					INSERT INTO projects.project_organisation (project_id, position, name, name_ar, name_fr, ref, role, type)
					VALUES (:id, 0, 'Islamic Development Bank', 'البنك الإسلامي للتنمية', 'Banque islamique de développement',
					        'XM-DAC-46025', 1, '40'),
					       (:id, 1, 'Islamic Organization for Food Security', 'المنظمة الإسلامية للأمن الغذائي',
					        'Organisation islamique pour la sécurité alimentaire', '', 3, '40')
					""").param("id", id).update();
			if (started || demo.stage().equals("APPROVAL")) {
				LocalDate committedOn = started ? start : today.withDayOfMonth(1);
				BigDecimal total = BigDecimal.valueOf(demo.millions()).multiply(BigDecimal.valueOf(1_000_000));
				transaction(id, 2, committedOn, "USD", total, demo.mode());
				for (int year = 0; started && year < Math.min(4, demo.startMonthsAgo() / 12 + 1); year++) {
					LocalDate on = start.plusYears(year).plusMonths(2);
					if (!on.isAfter(today)) {
						transaction(id, 3, on, year % 2 == 0 ? "USD" : "SAR", year % 2 == 0
								? total.divide(BigDecimal.valueOf(5)) : total.divide(BigDecimal.valueOf(5))
									.multiply(new BigDecimal("3.75")), demo.mode());
					}
				}
			}
		}
		details.fill(today);
	}

	private void locations(long id, List<Object[]> places) {
		for (int i = 0; i < places.size(); i++) {
			Object[] place = places.get(i);
			jdbc.sql("""
					INSERT INTO projects.project_location (project_id, position, name_en, name_ar, name_fr, country_iso3,
					    latitude, longitude, exactness)
					VALUES (:id, :position, :en, :ar, :fr, :country, :latitude, :longitude, 2)
					""").param("id", id).param("position", i).param("en", place[0]).param("ar", place[1])
				.param("fr", place[2]).param("country", place[3]).param("latitude", new BigDecimal((String) place[4]))
				.param("longitude", new BigDecimal((String) place[5])).update();
		}
	}

	private void shares(long id, String[] countries) {
		BigDecimal each = new BigDecimal("100").divide(BigDecimal.valueOf(countries.length), 2,
				java.math.RoundingMode.DOWN);
		BigDecimal first = new BigDecimal("100").subtract(each.multiply(BigDecimal.valueOf(countries.length - 1)));
		for (int i = 0; i < countries.length; i++) {
			jdbc.sql("INSERT INTO projects.project_country (project_id, country_iso3, percentage) VALUES (:id, :c, :p)")
				.param("id", id).param("c", countries[i]).param("p", i == 0 ? first : each).update();
		}
	}

	private void transaction(long id, int type, LocalDate on, String currency, BigDecimal value, String mode) {
		BigDecimal usd = currency.equals("USD") ? value : value.multiply(new BigDecimal("0.26666667"))
			.setScale(2, java.math.RoundingMode.HALF_EVEN);
		jdbc.sql("""
				INSERT INTO projects.project_transaction (project_id, type, transaction_on, currency, value, value_usd,
				    financier_name, financier_ref, financier_type, mode, created_by, demo)
				VALUES (:id, :type, :on, :currency, :value, :usd, 'Islamic Development Bank', 'XM-DAC-46025', '40', :mode,
				    'demo', true)
				""").param("id", id).param("type", type).param("on", Date.valueOf(on)).param("currency", currency)
			.param("value", value.setScale(2, java.math.RoundingMode.HALF_EVEN)).param("usd", usd).param("mode", mode)
			.update();
	}

}
