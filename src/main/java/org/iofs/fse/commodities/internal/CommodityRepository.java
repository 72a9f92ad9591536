package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.iofs.fse.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CommodityRepository {

	// Item codes come back as arrays in their reference-file order, so one query reads the whole catalogue.
	private static final String SELECT = """
			SELECT c.code, c.kind, c.food_group, c.hs2022_heading, c.hs2022_part, c.kcal_per_kg, c.kcal_source,
			       c.name_en, c.name_ar, c.name_fr,
			       array(SELECT i.item_code FROM commodities.faostat_item i
			             WHERE i.commodity_code = c.code AND i.domain = 'QCL' ORDER BY i.position) AS qcl,
			       array(SELECT i.item_code FROM commodities.faostat_item i
			             WHERE i.commodity_code = c.code AND i.domain = 'FBS' ORDER BY i.position) AS fbs
			FROM commodities.commodity c
			""";

	private static final String ORDER = " ORDER BY c.kind DESC, c.code";

	private final JdbcClient jdbc;

	private final org.iofs.fse.shared.ReferenceCache<String, Commodity> cache;

	CommodityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.cache = new org.iofs.fse.shared.ReferenceCache<>(
				() -> jdbc.sql(SELECT + ORDER).query(CommodityRepository::map).list(), Commodity::code,
				java.time.Duration.ofSeconds(30));
	}

	public List<Commodity> findAll() {
		return cache.all();
	}

	public Optional<Commodity> findByCode(String code) {
		return cache.find(code);
	}

	/** The reference loader has written: read the tables again at the next use. */
	public void forget() {
		cache.forget();
	}

	public Optional<Commodity> findByFaostatItem(FaostatDomain domain, int itemCode) {
		return jdbc.sql(SELECT + """
				 WHERE c.code = (SELECT commodity_code FROM commodities.faostat_item
				                 WHERE domain = :domain AND item_code = :item)
				""").param("domain", domain.name()).param("item", itemCode).query(CommodityRepository::map).optional();
	}

	public Optional<Instant> lastUpdated() {
		return jdbc.sql("SELECT max(updated_at) FROM commodities.commodity")
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	private static Commodity map(ResultSet rs, int row) throws SQLException {
		int kcal = rs.getInt("kcal_per_kg");
		Integer kcalPerKg = rs.wasNull() ? null : kcal;
		return new Commodity(rs.getString("code"), CommodityKind.valueOf(rs.getString("kind")),
				rs.getString("food_group"), rs.getString("hs2022_heading"), rs.getBoolean("hs2022_part"),
				codes(rs, "qcl"), codes(rs, "fbs"), kcalPerKg, rs.getString("kcal_source"),
				new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")));
	}

	private static List<Integer> codes(ResultSet rs, String column) throws SQLException {
		Integer[] codes = (Integer[]) rs.getArray(column).getArray();
		return Arrays.asList(codes);
	}

}
