package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.iofs.fse.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CountryRepository {

	private static final String SELECT = """
			SELECT iso3, iso2, m49, fao_area_code, oic_group, oic_member_since, iofs_status,
			       name_en, name_ar, name_fr, capital_en, capital_ar, capital_fr, capital_lat, capital_lon
			FROM countries.country
			""";

	private final JdbcClient jdbc;

	private final org.iofs.fse.shared.ReferenceCache<String, Country> cache;

	CountryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.cache = new org.iofs.fse.shared.ReferenceCache<>(
				() -> jdbc.sql(SELECT + " ORDER BY iso3").query(CountryRepository::map).list(), Country::iso3,
				java.time.Duration.ofSeconds(30));
	}

	public List<Country> findAll() {
		return cache.all();
	}

	/** The reference loader has written: read the table again at the next use. */
	public void forget() {
		cache.forget();
	}

	public List<Country> findByGroup(OicGroup group) {
		return cache.all().stream().filter(country -> country.oicGroup() == group).toList();
	}

	public Optional<Country> findByIso3(String iso3) {
		return cache.find(iso3);
	}

	public Optional<Instant> lastUpdated() {
		return jdbc.sql("SELECT max(updated_at) FROM countries.country")
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	private static Country map(ResultSet rs, int row) throws SQLException {
		return new Country(rs.getString("iso3"), rs.getString("iso2"), rs.getString("m49"), rs.getInt("fao_area_code"),
				OicGroup.valueOf(rs.getString("oic_group")), rs.getInt("oic_member_since"),
				IofsStatus.valueOf(rs.getString("iofs_status")),
				new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")),
				new Country.Capital(
						new LocalizedText(rs.getString("capital_en"), rs.getString("capital_ar"), rs.getString("capital_fr")),
						rs.getBigDecimal("capital_lat"), rs.getBigDecimal("capital_lon")));
	}

}
