package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.trade.internal.Companies;
import org.iofs.fse.trade.internal.Offers;

import org.springframework.stereotype.Service;

/**
 * The board for a reserve that rotates stock: it sells a lot near expiry through its IFPA trading desk, a verified
 * company of the board like any other. The rotation module checks its own caller (an operator of the hub, or the
 * Secretariat) before asking; the offer then follows every rule of the board.
 */
@Service
public class ReserveSales {

	/** What a rotation sale puts on the board. */
	public record Sale(UUID desk, String commodity, BigDecimal tonnes, BigDecimal minOrderTonnes,
			BigDecimal pricePerTonne, String currency, String incoterm, String place, String origin,
			LocalDate deliveryFrom, LocalDate deliveryUntil, LocalDate validUntil, String specification) {
	}

	private final Offers offers;

	private final Companies companies;

	ReserveSales(Offers offers, Companies companies) {
		this.offers = offers;
		this.companies = companies;
	}

	/** Publishes the sale; returns the offer's id. */
	public long publish(Sale sale, String publishedBy) {
		return offers.publishForReserve(new Offers.Draft("SELL", sale.desk(), sale.commodity(), null, "",
				sale.specification(), sale.tonnes(), sale.minOrderTonnes(), sale.pricePerTonne(), sale.currency(),
				sale.incoterm(), sale.place(), sale.origin(), sale.deliveryFrom(), sale.deliveryUntil(),
				sale.validUntil(), null), publishedBy).id();
	}

	/** A company's name in the reader's language, if it applied to IFPA: for a desk's label. */
	public Optional<org.iofs.fse.shared.LocalizedText> companyName(UUID company) {
		return companies.find(company).map(Companies.Company::legalNames);
	}

	/** Whether the company is verified: only a verified desk may sell. */
	public boolean verified(UUID company) {
		return companies.find(company).map(Companies.Company::verified).orElse(false);
	}

	/** The verified companies of a member, oldest verification first (verified badges are public). */
	public java.util.List<UUID> verifiedCompaniesIn(String iso3) {
		return companies.verifiedIn(iso3);
	}

}
