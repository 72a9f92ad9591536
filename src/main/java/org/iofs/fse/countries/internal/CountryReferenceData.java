package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.ReferenceFile;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the member states table in line with {@code reference/countries.csv} at start-up, before the web server
 * takes requests: missing rows are added and rows that differ are updated, all in one transaction. Running it
 * again changes nothing, so several instances may start at once. Every row it adds or changes is audited.
 */
@Component
public class CountryReferenceData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CountryReferenceData.class);

	static final String FILE = "countries.csv";

	private static final Set<String> COLUMNS = Set.of("iso3", "iso2", "m49", "fao_area_code", "oic_group",
			"oic_member_since", "iofs_status", "name_en", "name_fr", "name_ar", "capital_en", "capital_fr", "capital_ar",
			"capital_lat", "capital_lon");

	private static final String UPSERT = """
			INSERT INTO countries.country (iso3, iso2, m49, fao_area_code, oic_group, oic_member_since, iofs_status,
			    name_en, name_ar, name_fr, capital_en, capital_ar, capital_fr, capital_lat, capital_lon)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (iso3) DO UPDATE SET
			    iso2 = EXCLUDED.iso2, m49 = EXCLUDED.m49, fao_area_code = EXCLUDED.fao_area_code,
			    oic_group = EXCLUDED.oic_group, oic_member_since = EXCLUDED.oic_member_since,
			    iofs_status = EXCLUDED.iofs_status, name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar,
			    name_fr = EXCLUDED.name_fr, capital_en = EXCLUDED.capital_en, capital_ar = EXCLUDED.capital_ar,
			    capital_fr = EXCLUDED.capital_fr, capital_lat = EXCLUDED.capital_lat, capital_lon = EXCLUDED.capital_lon,
			    updated_at = now()
			WHERE (country.iso2, country.m49, country.fao_area_code, country.oic_group, country.oic_member_since,
			       country.iofs_status, country.name_en, country.name_ar, country.name_fr, country.capital_en,
			       country.capital_ar, country.capital_fr, country.capital_lat, country.capital_lon)
			  IS DISTINCT FROM
			      (EXCLUDED.iso2, EXCLUDED.m49, EXCLUDED.fao_area_code, EXCLUDED.oic_group, EXCLUDED.oic_member_since,
			       EXCLUDED.iofs_status, EXCLUDED.name_en, EXCLUDED.name_ar, EXCLUDED.name_fr, EXCLUDED.capital_en,
			       EXCLUDED.capital_ar, EXCLUDED.capital_fr, EXCLUDED.capital_lat, EXCLUDED.capital_lon)
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final CountryRepository repository;

	private final AuditTrail audit;

	CountryReferenceData(JdbcTemplate jdbc, TransactionTemplate transaction, CountryRepository repository,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.repository = repository;
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Country> countries = new ReferenceFile(FILE).read(COLUMNS, CountryReferenceData::parse);
		int changed = transaction.execute(status -> {
			repository.forget();
			Map<String, Country> before = byIso3(repository.findAll());
			int rows = upsert(countries);
			repository.forget();
			if (rows > 0) {
				audit.recordChanges("reference.loaded", "country", before, byIso3(repository.findAll()));
			}
			return rows;
		});
		// Read again after the commit, so that no reader keeps a copy taken inside the transaction.
		repository.forget();
		log.info("Member states: {} in {}, {} added or updated", countries.size(), FILE, changed);
	}

	private int upsert(List<Country> countries) {
		int[][] counts = jdbc.batchUpdate(UPSERT, countries, countries.size(), (ps, c) -> {
			ps.setString(1, c.iso3());
			ps.setString(2, c.iso2());
			ps.setString(3, c.m49());
			ps.setInt(4, c.faoAreaCode());
			ps.setString(5, c.oicGroup().name());
			ps.setInt(6, c.oicMemberSince());
			ps.setString(7, c.iofsStatus().name());
			ps.setString(8, c.names().en());
			ps.setString(9, c.names().ar());
			ps.setString(10, c.names().fr());
			ps.setString(11, c.capital().names().en());
			ps.setString(12, c.capital().names().ar());
			ps.setString(13, c.capital().names().fr());
			ps.setBigDecimal(14, c.capital().latitude());
			ps.setBigDecimal(15, c.capital().longitude());
		});
		int changed = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				changed += Math.max(count, 0);
			}
		}
		return changed;
	}

	private static Map<String, Country> byIso3(List<Country> countries) {
		return countries.stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
	}

	static Country parse(NamedCsvRecord row) {
		String group = row.getField("oic_group");
		return new Country(row.getField("iso3"), row.getField("iso2"), row.getField("m49"),
				Integer.parseInt(row.getField("fao_area_code")),
				OicGroup.parse(group).orElseThrow(() -> new IllegalArgumentException("oic_group: unknown group " + group)),
				Integer.parseInt(row.getField("oic_member_since")), IofsStatus.valueOf(row.getField("iofs_status")),
				new LocalizedText(row.getField("name_en"), row.getField("name_ar"), row.getField("name_fr")),
				new Country.Capital(
						new LocalizedText(row.getField("capital_en"), row.getField("capital_ar"), row.getField("capital_fr")),
						new BigDecimal(row.getField("capital_lat")), new BigDecimal(row.getField("capital_lon"))));
	}

}
