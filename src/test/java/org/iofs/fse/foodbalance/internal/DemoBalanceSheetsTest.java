package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.shared.LocalizedText;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBalanceSheetsTest {

	static final Country NIGERIA = new Country("NGA", "NG", "566", 159, OicGroup.AFRICAN, 1986, IofsStatus.SIGNED,
			new LocalizedText("Nigeria", "نيجيريا", "Nigéria"),
			new Country.Capital(new LocalizedText("Abuja", "أبوجا", "Abuja"), BigDecimal.ONE, BigDecimal.ONE));

	@Test
	void generatesTenYearsOfSheetsThatBalanceExactly() {
		List<Object[]> rows = new ArrayList<>();
		DemoBalanceSheets.generate(NIGERIA, 176400, 1, rows);

		Map<String, Map<Integer, BigDecimal>> sheets = new HashMap<>();
		for (Object[] row : rows) {
			sheets.computeIfAbsent(row[1] + "/" + row[3], k -> new HashMap<>())
				.put((Integer) row[2], new BigDecimal(row[4].toString()));
		}
		assertThat(sheets.keySet().stream().map(k -> k.split("/")[1]).distinct()).hasSize(10);
		sheets.forEach((key, values) -> {
			if (!key.startsWith("2501/")) {
				assertThat(BalanceCheck.supply(values, BigDecimal.ZERO).passes()).as(key).isTrue();
				assertThat(BalanceCheck.use(values, BigDecimal.ZERO).passes()).as(key).isTrue();
				assertThat(values.get(Element.PRODUCTION).signum()).as(key).isNotNegative();
				assertThat(values.get(Element.IMPORTS).signum()).as(key).isNotNegative();
			}
		});
	}

	@Test
	void isTheSameOnEveryRun() {
		List<Object[]> first = new ArrayList<>();
		List<Object[]> second = new ArrayList<>();
		DemoBalanceSheets.generate(NIGERIA, 176400, 1, first);
		DemoBalanceSheets.generate(NIGERIA, 176400, 1, second);

		assertThat(second).hasSameSizeAs(first);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i)).containsExactly(first.get(i));
		}
	}

}
