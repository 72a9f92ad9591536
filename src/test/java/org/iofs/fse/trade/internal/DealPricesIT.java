package org.iofs.fse.trade.internal;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal prices on the commodity page: a month and group's median is published only once three different sellers
 * traded in it; with two, nothing is shown that would let one read the other's price.
 */
class DealPricesIT extends PlatformIT {

	@Test
	void aMedianAppearsOnlyOnceThreeSellersTraded() {
		UUID buyer = company("DP-BUYER", "YEM");
		UUID first = company("DP-SELLER-1", "PAK");
		UUID second = company("DP-SELLER-2", "BGD");
		UUID third = company("DP-SELLER-3", "IDN");
		deal(buyer, first, "300.00", "2026-03-05");
		deal(buyer, second, "310.00", "2026-03-12");
		String two = http.get("/api/v1/trade/deal-prices?commodity=sorghum").body();
		assertThat((List<Object>) JsonPath.read(two, "$[?(@.month == '2026-03-01')]")).as("two sellers: hidden").isEmpty();

		deal(buyer, third, "340.00", "2026-03-20");
		String three = http.get("/api/v1/trade/deal-prices?commodity=sorghum").body();
		assertThat((List<Double>) JsonPath.read(three, "$[?(@.month == '2026-03-01' && @.originGroup == 'ASIAN')].medianPerTonne"))
			.containsExactly(310.0);
		assertThat(http.get("/commodities/sorghum/deal-prices?lang=ar").body()).contains("id=\"deal-prices-table\"")
			.contains("المجموعة الآسيوية");
	}

	private UUID company(String number, String country) {
		UUID id = UUID.nameUUIDFromBytes(number.getBytes());
		context.getBean(Organisations.class).ensure(id, new NewOrganisation(OrganisationType.COMPANY, country,
				"Company " + number, "شركة " + number, "Société " + number));
		jdbc.sql("""
				INSERT INTO trade.company (organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3,
				    registration_number, registry, kyc_status, verified_on)
				VALUES (:id, :n, :n, :n, :c, :n, 'Registry', 'VERIFIED', current_date) ON CONFLICT DO NOTHING
				""").param("id", id).param("n", number).param("c", country).update();
		return id;
	}

	private void deal(UUID buyer, UUID seller, String price, String day) {
		long rfq = jdbc.sql("""
				INSERT INTO trade.rfq (buyer_id, commodity_code, hs_code, tonnes, incoterm, incoterm_place, destination_iso3,
				    delivery_from, delivery_until, respond_by, status, created_by)
				VALUES (:b, 'sorghum', '1007', 100, 'CFR', 'Aden', 'YEM', current_date, current_date + 30, current_date,
				    'AWARDED', 'test') RETURNING id
				""").param("b", buyer).query(Long.class).single();
		long quote = jdbc.sql("""
				INSERT INTO trade.quote (rfq_id, seller_id, tonnes, price_per_tonne, currency, incoterm, incoterm_place,
				    valid_until, status, quoted_by)
				VALUES (:r, :s, 100, CAST(:p AS numeric), 'USD', 'CFR', 'Aden', current_date, 'ACCEPTED', 'test') RETURNING id
				""").param("r", rfq).param("s", seller).param("p", price).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO trade.deal (quote_id, buyer_id, seller_id, commodity_code, hs_code, tonnes, price_per_tonne,
				    currency, incoterm, incoterm_place, destination_iso3, delivery_from, delivery_until, contracted_at)
				VALUES (:q, :b, :s, 'sorghum', '1007', 100, CAST(:p AS numeric), 'USD', 'CFR', 'Aden', 'YEM',
				    current_date, current_date + 30, CAST(:day AS date))
				""").param("q", quote).param("b", buyer).param("s", seller).param("p", price).param("day", day).update();
	}

}
