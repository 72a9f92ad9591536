package org.iofs.fse.reserves;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators set up a reserve, its hub with capacities, and a member's pledge; others may not. */
class ReserveAdministrationIT extends PlatformIT {

	@Test
	void anAdministratorSetsUpAReserveAHubAndAPledge() {
		String admin = bearer("t.admin");
		HttpResponse<String> reserve = http.putJson("/api/v1/reserves/ADMIN-RESERVE", """
				{"nameEn": "Sahel reserve", "nameAr": "احتياطي الساحل", "nameFr": "Réserve du Sahel",
				 "committee": "Council of ministers", "rules": "Third line of defence", "financialTonnes": 1200,
				 "members": ["MLI", "NER", "BFA"]}
				""", "Authorization", admin);
		HttpResponse<String> hub = http.putJson("/api/v1/hubs/ADMIN-HUB", """
				{"name": "Niamey silo", "kind": "SILO", "country": "NER", "reserve": "ADMIN-RESERVE",
				 "latitude": 13.51, "longitude": 2.11, "capacities": {"millet": 20000, "sorghum": 15000}}
				""", "Authorization", admin);
		HttpResponse<String> pledge = http.postJson("/api/v1/reserves/ADMIN-RESERVE/pledges", "{\"country\": \"MLI\", "
				+ "\"commodity\": \"millet\", \"tonnes\": 8000, \"validFrom\": \"" + LocalDate.now() + "\", \"validUntil\": \""
				+ LocalDate.now().plusYears(2) + "\"}", "Authorization", admin);
		HttpResponse<String> outsider = http.postJson("/api/v1/reserves/ADMIN-RESERVE/pledges", "{\"country\": \"SEN\", "
				+ "\"commodity\": \"millet\", \"tonnes\": 1, \"validFrom\": \"" + LocalDate.now() + "\", \"validUntil\": \""
				+ LocalDate.now().plusYears(1) + "\"}", "Authorization", admin);
		HttpResponse<String> byAnalyst = http.putJson("/api/v1/hubs/ADMIN-HUB", "{\"name\": \"x\", \"kind\": \"SILO\", "
				+ "\"country\": \"NER\"}", "Authorization", bearer("t.analyst"));

		assertThat(reserve.statusCode()).as(reserve.body()).isEqualTo(200);
		assertThat(hub.statusCode()).as(hub.body()).isEqualTo(200);
		assertThat(pledge.statusCode()).as(pledge.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(outsider.body(), "$.field")).isEqualTo("country");
		assertThat(byAnalyst.statusCode()).isEqualTo(403);
		String view = http.get("/api/v1/reserves/ADMIN-RESERVE").body();
		assertThat((List<String>) JsonPath.read(view, "$.members[*].country")).containsExactly("BFA", "MLI", "NER");
		assertThat((List<Number>) JsonPath.read(view, "$.pledges[*].tonnes")).hasSize(1);
		String stock = http.get("/api/v1/hubs/ADMIN-HUB/stock").body();
		assertThat((List<String>) JsonPath.read(stock, "$.totals[*].commodity")).containsExactly("millet", "sorghum");
	}

}
