package org.iofs.fse.home;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The country cockpit leads with its signals, each shown only to readers who may see it, and the country brief
 * prints them in the reader's language.
 */
class CountrySignalsIT extends PlatformIT {

	@BeforeEach
	void bahrainsRice() {
		new TestAccounts(context).ensureStandardCallers();
		String file = "Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag\r\n"
				+ "13,'048,Bahrain,2805,'S2805,Rice,5511,Production,2021,2021,1000 t,0,E\r\n"
				+ "13,'048,Bahrain,2805,'S2805,Rice,5611,Import Quantity,2021,2021,1000 t,50,E\r\n"
				+ "13,'048,Bahrain,2805,'S2805,Rice,5911,Export Quantity,2021,2021,1000 t,2,E\r\n"
				+ "13,'048,Bahrain,2805,'S2805,Rice,5301,Domestic supply quantity,2021,2021,1000 t,48,E\r\n";
		HttpResponse<String> loaded = http.postFile("/api/v1/imports/faostat", "bahrain-rice.csv",
				file.getBytes(StandardCharsets.UTF_8), "Authorization", bearer("t.analyst"));
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
	}

	@Test
	void aVisitorSeesThePublicSignalsAndTheSecretariatAlsoTheReleaseRequests() {
		HttpResponse<String> visitor = http.get("/countries/BHR/signals");
		assertThat(visitor.statusCode()).isEqualTo(200);
		assertThat(visitor.body()).contains("id=\"signal-ssr\"", "data-commodity=\"rice\"", "id=\"signal-prices\"",
				"id=\"signal-cover\"", "id=\"signal-trade\"", "id=\"signal-projects\"", "/countries/BHR?tab=foodbalance")
			.doesNotContain("id=\"signal-releases\"");

		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		assertThat(analyst.get("/countries/BHR/signals").body()).contains("id=\"signal-releases\"");

		WebSession focal = new WebSession(port);
		focal.signIn("t.focal.pak", TestAccounts.PASSWORD);
		assertThat(focal.get("/countries/PAK/signals").body()).as("its own member's requests")
			.contains("id=\"signal-releases\"");
		assertThat(focal.get("/countries/BHR/signals").body()).as("not another member's")
			.doesNotContain("id=\"signal-releases\"");
		assertThat(http.get("/countries/XYZ/signals").statusCode()).isEqualTo(404);
	}

	@Test
	void theBriefPrintsTheSignalsInTheReadersLanguage() {
		String arabic = http.get("/countries/BHR/brief?lang=ar").body();
		assertThat(arabic).contains("dir=\"rtl\"", "id=\"brief-ssr\"", "موجز الدولة", "data-print");
		assertThat(http.get("/countries/BHR/brief?lang=fr").body()).contains("fiche pays", "Autosuffisance");
		assertThat(http.get("/countries/BHR").body()).as("the cockpit loads its summary")
			.contains("/countries/BHR/signals");
	}

}
