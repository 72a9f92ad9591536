package org.iofs.fse.projects;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another publisher's IATI activity file seeds the portfolio: refused whole when the schema or a rule is broken,
 * with nothing stored; activities outside the platform's scope listed, not imported; the same file twice changes
 * nothing.
 */
class IatiImportIT extends PlatformIT {

	@Test
	void anotherPublishersFileSeedsProjectsAndIsRefusedWholeWhenInvalid() {
		String analyst = bearer("t.analyst");
		String suffix = Long.toString(System.nanoTime() % 1_000_000);
		String senegal = activity("XM-DAC-46025-SN-" + suffix, "SN", "100", "31161");
		String brazil = activity("XM-DAC-46025-BR-" + suffix, "BR", "100", "31161");
		String path = "/api/v1/projects/iati-import?fileName=isdb.xml";

		String noTitle = file(senegal.replaceFirst("(?s)<title>.*?</title>", ""));
		HttpResponse<String> invalid = http.postText(path, noTitle, "application/xml", "Authorization", analyst);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(invalid.body(), "$.field")).isEqualTo("file");
		assertThat(invalid.body()).contains("isdb.xml line");

		String ninety = file(senegal + activity("XM-DAC-46025-SNML-" + suffix, "SN", "50", "31161")
			.replace("<recipient-country code=\"SN\" percentage=\"50\"/>",
					"<recipient-country code=\"SN\" percentage=\"50\"/><recipient-country code=\"ML\" percentage=\"40\"/>"));
		HttpResponse<String> broken = http.postText(path, ninety, "application/xml", "Authorization", analyst);
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(broken.body(), "$.field")).isEqualTo("countries");
		assertThat(broken.body()).contains("XM-DAC-46025-SNML-" + suffix);
		assertThat(jdbc.sql("SELECT count(*) FROM projects.project WHERE code LIKE :c").param("c", "%-" + suffix)
			.query(Long.class).single()).as("a refused file stores nothing, not even its good activities").isZero();

		assertThat(http.postText(path, file(senegal), "application/xml", "Authorization", bearer("t.focal.yem"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> loaded = http.postText(path, file(senegal + brazil), "application/xml", "Authorization",
				analyst);
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(loaded.body(), "$.activities")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(loaded.body(), "$.imported")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(loaded.body(), "$.leftOut")).singleElement().asString()
			.contains("BR").contains("not an OIC member");
		long id = jdbc.sql("SELECT id FROM projects.project WHERE code = :c").param("c", "XM-DAC-46025-SN-" + suffix)
			.query(Long.class).single();
		String project = http.get("/api/v1/projects/" + id).body();
		assertThat((String) JsonPath.read(project, "$.titles.fr")).isEqualTo("Irrigation du riz au Sénégal");
		assertThat((String) JsonPath.read(project, "$.stage")).isEqualTo("IMPLEMENTATION");
		assertThat((List<String>) JsonPath.read(project, "$.countries[*].code")).containsExactly("SEN");
		String transactions = http.get("/api/v1/projects/" + id + "/transactions").body();
		assertThat((List<String>) JsonPath.read(transactions, "$[*].mode")).containsExactly("MURABAHA");
		assertThat((List<Double>) JsonPath.read(transactions, "$[*].valueUsd")).containsExactly(12_000_000.0);

		HttpResponse<String> again = http.postText(path, file(senegal + brazil), "application/xml", "Authorization",
				analyst);
		assertThat((Integer) JsonPath.read(again.body(), "$.imported")).isZero();
		assertThat((Integer) JsonPath.read(again.body(), "$.alreadyHeld")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM projects.project_transaction WHERE project_id = :id").param("id", id)
			.query(Long.class).single()).as("the same file again changes nothing").isEqualTo(1);
	}

	private static String file(String activities) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" "
				+ "generated-datetime=\"2026-01-01T00:00:00Z\">" + activities + "</iati-activities>";
	}

	private static String activity(String identifier, String country, String percentage, String sector) {
		return """
				<iati-activity last-updated-datetime="2025-06-01T00:00:00Z" xml:lang="en" default-currency="USD">
				  <iati-identifier>%s</iati-identifier>
				  <reporting-org ref="XM-DAC-46025" type="40"><narrative>Islamic Development Bank</narrative></reporting-org>
				  <title><narrative>Senegal rice irrigation</narrative><narrative xml:lang="fr">Irrigation du riz au Sénégal</narrative></title>
				  <description type="1"><narrative>Irrigated rice in the Senegal river valley.</narrative></description>
				  <participating-org ref="XM-DAC-46025" role="1" type="40"><narrative>Islamic Development Bank</narrative></participating-org>
				  <activity-status code="2"/>
				  <activity-date type="1" iso-date="2022-01-01"/>
				  <activity-date type="2" iso-date="2022-03-01"/>
				  <recipient-country code="%s" percentage="%s"/>
				  <sector vocabulary="1" code="%s" percentage="100"/>
				  <transaction>
				    <transaction-type code="2"/>
				    <transaction-date iso-date="2022-03-01"/>
				    <value currency="USD" value-date="2022-03-01">12000000</value>
				    <provider-org ref="XM-DAC-46025" type="40"><narrative>Islamic Development Bank</narrative></provider-org>
				    <finance-type code="421"/>
				  </transaction>
				</iati-activity>
				""".formatted(identifier, country, percentage, sector);
	}

}
