package org.iofs.fse.prices.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.internal.PriceUnit;
import org.iofs.fse.prices.internal.SeriesIndicators;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo prices: for every member, a market in the capital and a regional one, and ten years of monthly retail
 * prices up to the current month for wheat flour, imported rice, vegetable oil and sugar, in US dollars. Each
 * series follows a yearly drift, a season and some noise; about one in forty ends with a spike over its last
 * months, so that the early-warning pages have something to show. Generated deterministically, through the
 * importer's own merge, and labelled as demo data (markets flagged demo, import recorded with layout DEMO).
 */
@org.springframework.core.annotation.Order(30)
@Component
class DemoPrices implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoPrices.class);

	static final String LAYOUT = "DEMO";

	static final int YEARS = 10;

	private record Product(String name, String category, String unit, double usdPrice) {
	}

	private static final List<Product> PRODUCTS = List.of(new Product("Wheat flour", "cereals and tubers", "KG", 0.55),
			new Product("Rice (imported)", "cereals and tubers", "KG", 0.95),
			new Product("Oil (vegetable)", "oil and fats", "L", 1.70), new Product("Sugar", "miscellaneous food", "KG", 0.85));

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Countries countries;

	private final SeriesIndicators indicators;

	private final AuditTrail audit;

	private final Clock clock;

	private final Commodities commodities;

	DemoPrices(JdbcClient jdbc, DataSource dataSource, Countries countries, SeriesIndicators indicators,
			AuditTrail audit, Clock clock, Commodities commodities) {
		this.commodities = commodities;
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.countries = countries;
		this.indicators = indicators;
		this.audit = audit;
	}

	/** Generates the demo prices unless the database already holds prices (demo or real). */
	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM prices.observation_year)").query(Boolean.class).single()) {
			return;
		}
		long importId = jdbc.sql("""
				INSERT INTO prices.import_run (file_name, sha256, layout, imported_by, outcome, started_at, message)
				VALUES ('demo data (generated)', repeat('0', 64), :layout, 'system', 'APPLIED', now(),
				        'Demo prices, generated; not WFP data')
				RETURNING id
				""").param("layout", LAYOUT).query(Long.class).single();
		List<Country> members = countries.all();
		YearMonth last = YearMonth.now(clock);
		jdbc.sql(PriceStaging.KEYS_TABLE).update();
		PriceStaging staging = new PriceStaging();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		for (Country country : members) {
			generate(country, last, staging);
		}
		try {
			staging.finish(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("demo prices: " + ex.getMessage(), ex);
		}
		PriceMerge.Counts counts = PriceMerge.apply(jdbc, connection, importId,
				commodities.all().stream().map(Commodity::code).toList(), staging);
		jdbc.sql("UPDATE prices.market SET demo = true WHERE id IN (SELECT market_id FROM price_key_named)").update();
		nameMarkets(members);
		long alerts = indicators.recompute(counts.seriesChanged(), staging.pricesOf(counts.created()));
		jdbc.sql("UPDATE prices.import_run SET rows_read = :n, rows_inserted = :n WHERE id = :id")
			.param("n", counts.inserted())
			.param("id", importId)
			.update();
		audit.record("prices.demo-generated", "price-import", importId, null,
				Map.of("prices", counts.inserted(), "series", counts.seriesChanged().size(), "alerts", alerts));
		log.info("Demo data: {} generated prices in {} series for {} members, {} alerts", counts.inserted(),
				counts.seriesChanged().size(), members.size(), alerts);
	}

	/** The demo markets' Arabic and French names: the capital's, and the regional market's. */
	private void nameMarkets(List<Country> members) {
		for (Country country : members) {
			var capital = country.capital().names();
			for (String[] names : new String[][] { { capital.en(), capital.ar(), capital.fr() },
					{ REGIONAL_MARKET, "السوق الإقليمية", "Marché régional" } }) {
				jdbc.sql("""
						UPDATE prices.market SET name_ar = :ar, name_fr = :fr
						WHERE demo AND country_iso3 = :country AND name = :en
						""")
					.param("ar", names[1]).param("fr", names[2]).param("country", country.iso3()).param("en", names[0])
					.update();
			}
		}
	}

	private static final String REGIONAL_MARKET = "Regional market";

	/** The demo's story: a drought in the Sahel raises cereal prices in its last three months. */
	static final Set<String> DROUGHT = Set.of("NER", "MLI", "TCD", "BFA");

	/** And a currency shock in one member raises every price in its last two months. */
	static final String CURRENCY_SHOCK = "LBN";

	/**
	 * Ten years of a member's prices: a linear trend and a seasonal swing with noise, the last three months calm (so
	 * that most members read normal), except where the story says otherwise.
	 */
	static void generate(Country country, YearMonth last, Consumer<PriceRow> staging) {
		Random random = new Random(country.iso3().hashCode() * 7919L);
		double level = 0.7 + random.nextDouble() * 0.8;
		String[][] markets = { { country.capital().names().in(Locale.ENGLISH), "0" },
				{ REGIONAL_MARKET, "1" } };
		for (String[] market : markets) {
			double latitude = country.capital().latitude().doubleValue() + (market[1].equals("1") ? 1.2 : 0);
			double longitude = country.capital().longitude().doubleValue() + (market[1].equals("1") ? 1.1 : 0);
			for (Product product : PRODUCTS) {
				boolean drought = DROUGHT.contains(country.iso3()) && product.category().equals("cereals and tubers");
				boolean shock = country.iso3().equals(CURRENCY_SHOCK);
				double drift = 0.01 + random.nextDouble() * 0.05;
				double price = product.usdPrice() * level * (0.9 + random.nextDouble() * 0.2);
				YearMonth first = last.minusYears(YEARS).plusMonths(1);
				for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
					int age = (int) ChronoUnit.MONTHS.between(first, month);
					double seasonal = 1 + 0.06 * Math.sin(2 * Math.PI * (month.getMonthValue() - 3) / 12.0);
					boolean recent = last.minusMonths(3).isBefore(month);
					double noise = 1 + (random.nextDouble() - 0.5) * (recent ? 0.004 : 0.05);
					double spike = drought && recent ? 1.35 + 0.1 * random.nextDouble()
							: shock && last.minusMonths(2).isBefore(month) ? 1.5 : 1;
					double value = price * (1 + drift * age / 12.0) * seasonal * noise * spike;
					staging.accept(new PriceRow(age, country.iso3(), "", "", market[0], null,
							BigDecimal.valueOf(latitude).setScale(4, RoundingMode.HALF_UP),
							BigDecimal.valueOf(longitude).setScale(4, RoundingMode.HALF_UP), product.category(),
							product.name(), null, PriceUnit.parse(product.unit()), "actual", "Retail", "USD", month,
							BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP),
							BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP)));
				}
			}
		}
	}

}
