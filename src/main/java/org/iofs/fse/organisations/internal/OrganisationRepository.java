package org.iofs.fse.organisations.internal;

import org.iofs.fse.organisations.OrganisationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository {

	private static final String SELECT = "SELECT id, type, country_iso3, name_en, name_ar, name_fr FROM organisations.organisation";

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Organisation> findAll() {
		return jdbc.sql(SELECT + " ORDER BY name_en").query(OrganisationRepository::map).list();
	}

	public Optional<Organisation> findById(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(OrganisationRepository::map).optional();
	}

	public void insert(Organisation o) {
		jdbc.sql("""
				INSERT INTO organisations.organisation (id, type, country_iso3, name_en, name_ar, name_fr)
				VALUES (:id, :type, :country, :en, :ar, :fr)
				""")
			.param("id", o.id())
			.param("type", o.type().name())
			.param("country", o.countryIso3())
			.param("en", o.names().en())
			.param("ar", o.names().ar())
			.param("fr", o.names().fr())
			.update();
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		return new Organisation(rs.getObject("id", UUID.class), OrganisationType.valueOf(rs.getString("type")),
				rs.getString("country_iso3"),
				new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")));
	}

}
