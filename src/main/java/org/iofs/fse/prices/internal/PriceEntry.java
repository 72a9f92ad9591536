package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A focal point records a month's price for a market of their country (analysts and administrators for any
 * market), with the importer's checks: a plausible month, a positive price, a unit, a currency. The series is found
 * or created, the price stored as a 'manual' observation under the person's name, and the series' indicators and
 * alerts recomputed in the same transaction.
 */
@Service
public class PriceEntry {

	static final BigDecimal MAX_PRICE = new BigDecimal("99999999999999.9999");

	/** A price as entered; the month is {@code YYYY-MM}. */
	public record Entry(Long marketId, String commodity, String priceType, String unit, String currency, String month,
			BigDecimal price, BigDecimal usdPrice) {
	}

	/** What was stored, and whether it replaced an earlier entry for the same month. */
	public record Recorded(long seriesId, String month, BigDecimal price, boolean replaced, long alertsRaised) {
	}

	static final List<String> PRICE_TYPES = List.of("Retail", "Wholesale", "Producer", "Farm Gate");

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final SeriesIndicators indicators;

	private final Clock clock;

	private final Commodities commodities;

	PriceEntry(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, SeriesIndicators indicators,
			Commodities commodities, Clock clock) {
		this.commodities = commodities;
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.indicators = indicators;
	}

	/** Whether the current caller may enter prices for this country (for pages; the service checks again). */
	public boolean mayEnter(String iso3) {
		return CurrentCaller.get()
			.map(c -> access.allows(c, Action.PUBLISH, Scope.GLOBAL)
					|| access.allows(c, Action.ENTER_COUNTRY_DATA, Scope.country(iso3)))
			.orElse(false);
	}

	@Transactional
	public Recorded record(Entry entry) {
		// Who may enter prices at all is checked before anything is looked up; the market's country after.
		Caller anyone = CurrentCaller.get()
			.filter(c -> c.holds(Role.COUNTRY_FOCAL_POINT) || access.allows(c, Action.PUBLISH, Scope.GLOBAL))
			.orElseGet(() -> access.require(Action.PUBLISH));
		if (entry.marketId() == null) {
			throw new InvalidInputException("marketId", "is required");
		}
		String country = jdbc.sql("SELECT country_iso3 FROM prices.market WHERE id = :id")
			.param("id", entry.marketId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("market", entry.marketId().toString()));
		Caller caller = access.allows(anyone, Action.PUBLISH, Scope.GLOBAL) ? anyone
				: access.require(Action.ENTER_COUNTRY_DATA, Scope.country(country));
		String commodity = sourceCommodity(text(entry.commodity(), "commodity"));
		String priceType = PRICE_TYPES.stream()
			.filter(t -> t.equalsIgnoreCase(text(entry.priceType(), "priceType")))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("priceType", "must be one of " + PRICE_TYPES));
		PriceUnit unit = PriceUnit.parse(text(entry.unit(), "unit"));
		String currency = text(entry.currency(), "currency").toUpperCase(Locale.ROOT);
		if (!currency.matches("[A-Z]{3}")) {
			throw new InvalidInputException("currency", "must be an ISO 4217 code such as PKR");
		}
		YearMonth month = month(entry.month());
		if (entry.price() == null || entry.price().signum() <= 0) {
			throw new InvalidInputException("price", "must be a positive number");
		}
		if (entry.usdPrice() != null && entry.usdPrice().signum() < 0) {
			throw new InvalidInputException("usdPrice", "must not be negative");
		}
		checkStorable(entry.price(), "price");
		if (entry.usdPrice() != null) {
			checkStorable(entry.usdPrice(), "usdPrice");
		}
		long seriesId = jdbc.sql("""
				WITH found AS (
				    INSERT INTO prices.series (market_id, source_commodity_id, price_type, unit, unit_quantity, base_unit, currency)
				    SELECT :market, c.id, :type, :unit, :quantity, :base, :currency FROM prices.source_commodity c
				    WHERE c.name = :commodity
				    ON CONFLICT (market_id, source_commodity_id, price_type, unit, currency) DO NOTHING RETURNING id)
				SELECT id FROM found
				UNION ALL
				SELECT s.id FROM prices.series s JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE s.market_id = :market AND c.name = :commodity AND s.price_type = :type AND s.unit = :unit
				  AND s.currency = :currency
				""")
			.param("market", entry.marketId())
			.param("commodity", commodity)
			.param("type", priceType)
			.param("unit", unit.text())
			.param("quantity", unit.quantity())
			.param("base", unit.baseUnit())
			.param("currency", currency)
			.query(Long.class)
			.list()
			.get(0);
		BigDecimal before = jdbc.sql("""
				SELECT price FROM prices.observation WHERE series_id = :s AND month = :m AND price_flag = 'manual'
				""").param("s", seriesId).param("m", Date.valueOf(month.atDay(1))).query(BigDecimal.class).optional()
			.orElse(null);
		// The month's element of the series' year row of entered prices (in ten-thousandths), the row made when it is
		// the year's first.
		jdbc.sql("""
				INSERT INTO prices.observation_year AS y (series_id, year_start, price_flag, price, usd_price, source_user)
				SELECT :s, :year, 'manual', array_agg(CASE WHEN n = :n THEN round(CAST(:price AS numeric) * 10000)::bigint END ORDER BY n),
				       array_agg(CASE WHEN n = :n THEN round(CAST(:usd AS numeric) * 10000)::bigint END ORDER BY n),
				       array_agg(CASE WHEN n = :n THEN CAST(:user AS text) END ORDER BY n)
				FROM generate_series(1, 12) AS n
				ON CONFLICT (series_id, year_start, price_flag) DO UPDATE SET
				    price[:n] = round(CAST(:price AS numeric) * 10000)::bigint,
				    usd_price[:n] = round(CAST(:usd AS numeric) * 10000)::bigint, source_user[:n] = CAST(:user AS text),
				    updated_at = now()
				""")
			.param("s", seriesId)
			.param("year", Date.valueOf(month.atDay(1).withMonth(1)))
			.param("n", month.getMonthValue())
			.param("price", entry.price())
			.param("usd", entry.usdPrice())
			.param("user", caller.username())
			.update();
		long alerts = indicators.recompute(List.of(seriesId));
		audit.record("prices.observation-entered", "price-observation", seriesId + "/" + month,
				before == null ? null : Map.of("price", before), Map.of("price", entry.price(), "market",
						entry.marketId(), "commodity", commodity, "unit", unit.text(), "currency", currency));
		return new Recorded(seriesId, month.toString(), entry.price(), before != null, alerts);
	}

	/**
	 * The source commodity a typed name stands for: one of the platform's source commodities already mapped to a
	 * platform commodity, or a platform commodity by its code or its name in any language (recorded under its
	 * English name). Anything else is refused, so that free text never becomes a new commodity.
	 */
	private String sourceCommodity(String typed) {
		Optional<String> mapped = jdbc.sql("""
				SELECT name FROM prices.source_commodity WHERE lower(name) = lower(:name) AND commodity_code IS NOT NULL
				ORDER BY name LIMIT 1
				""").param("name", typed).query(String.class).optional();
		if (mapped.isPresent()) {
			return mapped.get();
		}
		Commodity commodity = commodities.all().stream()
			.filter(c -> c.code().equalsIgnoreCase(typed) || c.names().en().equalsIgnoreCase(typed)
					|| c.names().fr().equalsIgnoreCase(typed) || c.names().ar().equals(typed))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("commodity",
					"'" + typed + "' is not a known commodity: choose one of the market's series or a platform commodity"));
		String name = commodity.names().en();
		jdbc.sql("""
				INSERT INTO prices.source_commodity (name, commodity_code) VALUES (:name, :code)
				ON CONFLICT (name) DO UPDATE SET commodity_code = coalesce(prices.source_commodity.commodity_code,
				    EXCLUDED.commodity_code)
				""").param("name", name).param("code", commodity.code()).update();
		return name;
	}

	/** Prices are kept to four decimals below a hundred trillion (numeric(18,4)). */
	private static void checkStorable(BigDecimal price, String field) {
		if (price.compareTo(MAX_PRICE) > 0) {
			throw new InvalidInputException(field, "is implausibly large");
		}
		if (price.stripTrailingZeros().scale() > 4) {
			throw new InvalidInputException(field, "has more than four decimals");
		}
	}

	private YearMonth month(String text) {
		YearMonth month;
		try {
			month = YearMonth.parse(text(text, "month"));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("month", "must be a month such as 2026-10");
		}
		if (month.isBefore(YearMonth.of(1990, 1)) || month.isAfter(YearMonth.now(clock))) {
			throw new InvalidInputException("month", month + " is implausible (before 1990 or in the future)");
		}
		return month;
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		if (value.strip().length() > 200) {
			throw new InvalidInputException(field, "is longer than 200 characters");
		}
		return value.strip();
	}

}
