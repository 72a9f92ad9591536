package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a Halal certificate counts for a trade (TRADE-AND-PROJECTS §4.4): valid on the shipment date and on the
 * expected arrival date (not only on the day of listing), its scope covers the product's HS code (a heading covers
 * its subheadings), and the destination member state recognises its certifying body. Every failed rule is named.
 */
final class HalalRule {

	enum Failure {
		NOT_VALID_STATUS, NOT_YET_ISSUED_AT_SHIPMENT, EXPIRED_BEFORE_ARRIVAL, OUT_OF_SCOPE, BODY_NOT_RECOGNISED
	}

	private HalalRule() {
	}

	static List<Failure> check(HalalCertificates.Certificate certificate, String hsCode, LocalDate shipment,
			LocalDate arrival, boolean bodyRecognised) {
		List<Failure> failures = new ArrayList<>();
		// Suspended or withdrawn certificates never count; an expired one fails on its dates below as well.
		if (!certificate.status().equals("VALID") && !certificate.status().equals("EXPIRED")) {
			failures.add(Failure.NOT_VALID_STATUS);
		}
		if (shipment.isBefore(certificate.issuedOn())) {
			failures.add(Failure.NOT_YET_ISSUED_AT_SHIPMENT);
		}
		if (arrival.isAfter(certificate.expiresOn()) || shipment.isAfter(certificate.expiresOn())) {
			failures.add(Failure.EXPIRED_BEFORE_ARRIVAL);
		}
		if (certificate.scopeHs().stream().noneMatch(hsCode::startsWith)) {
			failures.add(Failure.OUT_OF_SCOPE);
		}
		if (!bodyRecognised) {
			failures.add(Failure.BODY_NOT_RECOGNISED);
		}
		return failures;
	}

}
