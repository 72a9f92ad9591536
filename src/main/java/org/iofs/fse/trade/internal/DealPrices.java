package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal prices as market intelligence: the monthly median price per tonne of a commodity's deals by the OIC group of
 * the seller's country and by currency, published only where at least three different sellers traded in that month
 * and group, so that no single company's price can be read off. Public, beside the WFP and FAO prices.
 */
@Service
public class DealPrices {

	static final int MIN_SELLERS = 3;

	public record MonthlyMedian(LocalDate month, OicGroup originGroup, String currency, BigDecimal medianPerTonne,
			int deals, BigDecimal tonnes) {
	}

	private record Row(LocalDate month, UUID seller, String country, String currency, BigDecimal price,
			BigDecimal tonnes) {
	}

	private final JdbcClient jdbc;

	private final Countries countries;

	DealPrices(JdbcClient jdbc, Countries countries) {
		this.jdbc = jdbc;
		this.countries = countries;
	}

	@Transactional(readOnly = true)
	public List<MonthlyMedian> monthly(String commodity) {
		List<Row> rows = jdbc.sql("""
				SELECT d.contracted_at, d.seller_id, c.country_iso3, d.currency, d.price_per_tonne, d.tonnes
				FROM trade.deal d JOIN trade.company c ON c.organisation_id = d.seller_id
				WHERE d.commodity_code = :commodity AND d.status <> 'CANCELLED'
				ORDER BY d.contracted_at
				""").param("commodity", commodity)
			.query((rs, n) -> new Row(rs.getTimestamp("contracted_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate()
				.withDayOfMonth(1), rs.getObject("seller_id", UUID.class), rs.getString("country_iso3"),
					rs.getString("currency"), rs.getBigDecimal("price_per_tonne"), rs.getBigDecimal("tonnes")))
			.list();
		Map<String, Country> byIso3 = new TreeMap<>();
		countries.all().forEach(c -> byIso3.put(c.iso3(), c));
		Map<String, List<Row>> groups = new TreeMap<>();
		for (Row row : rows) {
			OicGroup group = byIso3.get(row.country()).oicGroup();
			groups.computeIfAbsent(row.month() + "|" + group.name() + "|" + row.currency(), k -> new ArrayList<>()).add(row);
		}
		List<MonthlyMedian> medians = new ArrayList<>();
		for (List<Row> group : groups.values()) {
			Set<UUID> sellers = new HashSet<>();
			group.forEach(r -> sellers.add(r.seller()));
			if (sellers.size() < MIN_SELLERS) {
				continue;
			}
			List<BigDecimal> prices = group.stream().map(Row::price).sorted().toList();
			int n = prices.size();
			BigDecimal median = n % 2 == 1 ? prices.get(n / 2)
					: prices.get(n / 2 - 1).add(prices.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
			Row first = group.get(0);
			medians.add(new MonthlyMedian(first.month(), byIso3.get(first.country()).oicGroup(), first.currency(), median,
					n, group.stream().map(Row::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add)));
		}
		medians.sort(Comparator.comparing(MonthlyMedian::month).reversed().thenComparing(MonthlyMedian::originGroup));
		return medians;
	}

}
