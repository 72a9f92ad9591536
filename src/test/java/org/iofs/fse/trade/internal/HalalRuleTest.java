package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HalalRuleTest {

	static final LocalDate ISSUED = LocalDate.of(2026, 1, 1);

	static final LocalDate EXPIRES = LocalDate.of(2026, 12, 31);

	@Test
	void countsWhenValidOnBothDatesInScopeAndRecognised() {
		assertThat(HalalRule.check(certificate("VALID"), "100199", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31),
				true)).isEmpty();
	}

	@Test
	void aCertificateValidOnShipmentButNotOnArrivalDoesNotCount() {
		assertThat(HalalRule.check(certificate("VALID"), "1001", LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10),
				true)).containsExactly(HalalRule.Failure.EXPIRED_BEFORE_ARRIVAL);
	}

	@Test
	void namesEveryRuleItFails() {
		assertThat(HalalRule.check(certificate("SUSPENDED"), "1006", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 5),
				false)).containsExactly(HalalRule.Failure.NOT_VALID_STATUS, HalalRule.Failure.NOT_YET_ISSUED_AT_SHIPMENT,
						HalalRule.Failure.OUT_OF_SCOPE, HalalRule.Failure.BODY_NOT_RECOGNISED);
	}

	@Test
	void aHeadingCoversItsSubheadingsButASubheadingNotItsHeading() {
		var subheading = new HalalCertificates.Certificate(1, UUID.randomUUID(), "N", "H", List.of(), "B", "HAB", "1",
				"OIC/SMIIC 1", "2019", List.of("100199"), "", ISSUED, EXPIRES, "VALID", null, null, false);
		assertThat(HalalRule.check(subheading, "1001", ISSUED, ISSUED.plusDays(10), true))
			.containsExactly(HalalRule.Failure.OUT_OF_SCOPE);
	}

	private static HalalCertificates.Certificate certificate(String status) {
		return new HalalCertificates.Certificate(1, UUID.randomUUID(), "HC-1", "Holder", List.of("Site"), "JAKIM",
				"Department of Standards Malaysia", "HAB-7", "MS 1500", "2019", List.of("1001", "1005"), "", ISSUED,
				EXPIRES, status, null, null, false);
	}

}
