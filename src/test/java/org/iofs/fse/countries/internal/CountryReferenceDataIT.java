package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.OicGroup;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class CountryReferenceDataIT {

	@Autowired
	Countries countries;

	@Autowired
	CountryReferenceData referenceData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsEveryMemberStateAtStartUp() {
		Map<OicGroup, Long> byGroup = countries.countByGroup();

		assertThat(countries.all()).hasSize(57);
		assertThat(byGroup.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(57);
		assertThat(byGroup).containsOnlyKeys(OicGroup.values());
		assertThat(countries.all()).allSatisfy(c -> {
			assertThat(c.names().ar()).matches(".*\\p{IsArabic}.*");
			assertThat(c.capital().names().ar()).matches(".*\\p{IsArabic}.*");
			assertThat(c.names().fr()).isNotBlank();
		});
	}

	@Test
	void loadingTheSameFileAgainChangesNothing() {
		var before = jdbc.sql("SELECT iso3, updated_at FROM countries.country ORDER BY iso3").query().listOfRows();

		referenceData.afterSingletonsInstantiated();

		var after = jdbc.sql("SELECT iso3, updated_at FROM countries.country ORDER BY iso3").query().listOfRows();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void restoresARowThatDriftedFromTheFile() {
		jdbc.sql("UPDATE countries.country SET name_fr = 'Yemen (edited)' WHERE iso3 = 'YEM'").update();

		referenceData.afterSingletonsInstantiated();

		assertThat(countries.get("YEM").names().fr()).isEqualTo("Yémen");
		var audited = jdbc.sql("""
				SELECT actor_username, before_state->'names'->>'fr' AS b, after_state->'names'->>'fr' AS a
				FROM audit.audit_event WHERE entity_type = 'country' AND entity_id = 'YEM' ORDER BY id DESC LIMIT 1
				""").query().singleRow();
		assertThat(audited).containsEntry("actor_username", "system").containsEntry("b", "Yemen (edited)")
			.containsEntry("a", "Yémen");
	}

}
