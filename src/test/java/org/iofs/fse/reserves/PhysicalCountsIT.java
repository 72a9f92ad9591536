package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Physical counts: small differences apply at once, large ones wait for a second person. */
class PhysicalCountsIT extends PlatformIT {

	String operator;

	@BeforeEach
	void hub() {
		operator = bearer("t.hub");
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES ('TEST-HUB', 'TEST-HUB', 'WAREHOUSE', 'SEN')
				ON CONFLICT DO NOTHING
				""").update();
	}

	@Test
	void smallDifferencesApplyAndLargeOnesWaitForASecondPerson() {
		long lot = receive("40");

		HttpResponse<String> small = count(lot, "39.6", operator);
		HttpResponse<String> large = count(lot, "35", operator);
		long pending = ((Number) JsonPath.read(large.body(), "$.id")).longValue();
		HttpResponse<String> byCounter = http.postJson("/api/v1/hubs/TEST-HUB/counts/" + pending + "/approve", "{}",
				"Authorization", operator);
		BigDecimal beforeApproval = onHand(lot);
		HttpResponse<String> byAnalyst = http.postJson("/api/v1/hubs/TEST-HUB/counts/" + pending + "/approve", "{}",
				"Authorization", bearer("t.analyst"));

		assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(small.body(), "$.status")).isEqualTo("APPLIED");
		assertThat((String) JsonPath.read(large.body(), "$.status")).isEqualTo("PENDING");
		assertThat(beforeApproval).isEqualByComparingTo("39.6");
		assertThat(byCounter.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(byCounter.body(), "$.reason")).isEqualTo("SAME_PERSON");
		assertThat((String) JsonPath.read(byAnalyst.body(), "$.status")).isEqualTo("APPROVED");
		assertThat(onHand(lot)).isEqualByComparingTo("35");
		assertThat(jdbc.sql("SELECT sum(tonnes) FROM reserves.ledger_entry WHERE lot_id = :l").param("l", lot)
			.query(BigDecimal.class).single()).isEqualByComparingTo("35");
		assertThat(jdbc.sql("SELECT count(*) FROM reserves.ledger_entry WHERE lot_id = :l AND kind = 'COUNT'").param("l", lot)
			.query(Long.class).single()).isEqualTo(2);
	}

	private long receive(String tonnes) {
		HttpResponse<String> response = http.postJson("/api/v1/hubs/TEST-HUB/receipts", "{\"commodity\": \"maize\", "
				+ "\"tonnes\": " + tonnes + ", \"bestBefore\": \"" + LocalDate.now().plusYears(1) + "\"}", "Authorization", operator);
		return ((Number) JsonPath.read(response.body(), "$.lotId")).longValue();
	}

	private HttpResponse<String> count(long lot, String tonnes, String token) {
		return http.postJson("/api/v1/hubs/TEST-HUB/counts", "{\"lotId\": " + lot + ", \"countedTonnes\": " + tonnes
				+ ", \"reason\": \"COUNT_DIFFERENCE\"}", "Authorization", token);
	}

	private BigDecimal onHand(long lot) {
		return jdbc.sql("SELECT on_hand FROM reserves.lot_balance WHERE lot_id = :l").param("l", lot).query(BigDecimal.class)
			.single();
	}

}
