package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class CommodityReferenceDataIT {

	@Autowired
	Commodities commodities;

	@Autowired
	CommodityReferenceData referenceData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void resolvesFaostatItemCodesToCommodities() {
		assertThat(commodities.byFaostatItem(FaostatDomain.FBS, 2805)).map(Commodity::code).hasValue("rice");
		assertThat(commodities.byFaostatItem(FaostatDomain.FBS, 2807)).map(Commodity::code).hasValue("rice");
		assertThat(commodities.byFaostatItem(FaostatDomain.FBS, 2905)).map(Commodity::code).hasValue("cereals");
		assertThat(commodities.byFaostatItem(FaostatDomain.QCL, 125)).map(Commodity::code).hasValue("cassava");
		assertThat(commodities.byFaostatItem(FaostatDomain.FBS, 9999)).isEmpty();
	}

	@Test
	void groupsKnowTheirMembers() {
		assertThat(commodities.membersOf("cereals")).extracting(Commodity::code)
			.containsExactlyInAnyOrder("wheat", "rice", "maize", "sorghum", "millet", "barley");
		assertThat(commodities.membersOf("vegetable_oils")).extracting(Commodity::code)
			.containsExactlyInAnyOrder("palm_oil", "soybean_oil", "sunflower_oil");
	}

	@Test
	void everyCommodityHasEnergyAndEveryGroupLeavesItToItsItems() {
		assertThat(commodities.ofKind(CommodityKind.COMMODITY)).hasSize(14)
			.allSatisfy(c -> assertThat(c.kcalPerKg()).isPositive());
		assertThat(commodities.ofKind(CommodityKind.GROUP)).hasSize(2)
			.allSatisfy(c -> assertThat(c.kcalPerKg()).isNull());
	}

	@Test
	void loadingTheSameFileAgainChangesNothing() {
		String snapshot = """
				SELECT c.code, c.updated_at, (SELECT count(*) FROM commodities.faostat_item i WHERE i.commodity_code = c.code) AS items
				FROM commodities.commodity c ORDER BY c.code
				""";
		var before = jdbc.sql(snapshot).query().listOfRows();
		long itemRows = jdbc.sql("SELECT count(*) FROM commodities.faostat_item").query(Long.class).single();

		referenceData.afterSingletonsInstantiated();

		assertThat(jdbc.sql(snapshot).query().listOfRows()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM commodities.faostat_item").query(Long.class).single()).isEqualTo(itemRows);
	}

	@Test
	void putsBackAnItemCodeThatWasRemoved() {
		jdbc.sql("DELETE FROM commodities.faostat_item WHERE domain = 'FBS' AND item_code = 2807").update();

		referenceData.afterSingletonsInstantiated();

		assertThat(commodities.get("rice").fbsItemCodes()).containsExactly(2805, 2807);
	}

}
