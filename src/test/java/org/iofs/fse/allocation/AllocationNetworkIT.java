package org.iofs.fse.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.iofs.fse.support.PlatformIT;
import org.junit.jupiter.api.BeforeEach;

/**
 * A small network of the allocation tests' own: two hubs in Djibouti holding 100 t of pulses each, one delivery
 * point in Yemen (Aden), a road route from hub A at 10 USD/t and a sea route from hub B at 20 USD/t, 5 days each,
 * loaded from CSV. Nothing else of pulses is on hand anywhere while a test runs.
 */
abstract class AllocationNetworkIT extends PlatformIT {

	static final String ROUTES = """
			origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
			ALLOC-A,,ALLOC-ADEN,ROAD,10,5,,
			ALLOC-B,,ALLOC-ADEN,SEA,20,5,,true
			""";

	String analyst;

	String admin;

	@BeforeEach
	void network() {
		analyst = bearer("t.analyst");
		admin = bearer("t.admin");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('ALLOC-RESERVE', 'Allocation test',
				    'اختبار التوزيع', 'Test d''allocation') ON CONFLICT DO NOTHING
				""").update();
		for (String hub : List.of("ALLOC-A", "ALLOC-B")) {
			jdbc.sql("""
					INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code, latitude, longitude)
					VALUES (:code, :code, 'PORT', 'DJI', 'ALLOC-RESERVE', 11.6, 43.1) ON CONFLICT DO NOTHING
					""").param("code", hub).update();
		}
		HttpResponse<String> point = http.putJson("/api/v1/allocation/delivery-points/ALLOC-ADEN", """
				{"country": "YEM", "name": "Aden", "kind": "PORT", "latitude": 12.8, "longitude": 45.03, "main": true}
				""", "Authorization", analyst);
		assertThat(point.statusCode()).as(point.body()).isEqualTo(200);
		HttpResponse<String> routes = http.postFile("/api/v1/allocation/routes/import", "routes.csv",
				ROUTES.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
		// Each test starts from 100 t of pulses at each hub and nothing else of it anywhere.
		jdbc.sql("""
				UPDATE reserves.lot_balance SET on_hand = 0
				WHERE lot_id IN (SELECT id FROM reserves.lot WHERE commodity_code = 'pulses')
				""").update();
		for (String hub : List.of("ALLOC-A", "ALLOC-B")) {
			HttpResponse<String> receipt = http.postJson("/api/v1/hubs/" + hub + "/receipts", """
					{"commodity": "pulses", "tonnes": 100, "bestBefore": "%s"}
					""".formatted(LocalDate.now().plusYears(2)), "Authorization", admin);
			assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
		}
	}

	static String plan(String demands, String settings) {
		return "{\"demands\": [" + demands + "], \"settings\": {\"shelfLifeCostPerTonneDay\": 0" + settings + "}}";
	}

	static String pulses(int tonnes) {
		return "{\"country\": \"YEM\", \"commodity\": \"pulses\", \"tonnes\": " + tonnes + ", \"needBy\": \""
				+ LocalDate.now().plusDays(30) + "\", \"priority\": 3}";
	}

}
