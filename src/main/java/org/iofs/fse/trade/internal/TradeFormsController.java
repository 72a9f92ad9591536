package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms a company's member trades with: an offer to sell or a request to buy, drafted and then published or
 * withdrawn from its page; a request for quotation, open to every verified seller of the commodity or to the sellers
 * the buyer has dealt with. A refusal comes back to the form with its reason and what was typed.
 */
@Controller
class TradeFormsController {

	/** The offer form's fields, bound by name. */
	record OfferForm(String side, UUID company, String commodity, String hsCode, String grade, String specification,
			BigDecimal quantityTonnes, BigDecimal minOrderTonnes, BigDecimal pricePerTonne, String currency,
			String incoterm, String incotermPlace, String origin,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryUntil,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil, Long certificate)
			implements java.io.Serializable {

		Offers.Draft draft() {
			return new Offers.Draft(side, company, commodity, hsCode, grade, specification, quantityTonnes,
					minOrderTonnes, pricePerTonne, currency, incoterm, incotermPlace, origin, deliveryFrom,
					deliveryUntil, validUntil, certificate);
		}

	}

	/** The request for quotation form's fields, bound by name; invited sellers repeat. */
	record RfqForm(UUID buyer, String commodity, String hsCode, String grade, String specification,
			BigDecimal tonnes, String incoterm, String incotermPlace, String destination,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryUntil,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate respondBy, List<UUID> invited)
			implements java.io.Serializable {

		Rfqs.NewRfq rfq() {
			return new Rfqs.NewRfq(buyer, commodity, hsCode, grade, specification, tonnes, incoterm, incotermPlace,
					destination, deliveryFrom, deliveryUntil, respondBy, invited);
		}

	}

	private final Offers offers;

	private final Rfqs rfqs;

	private final Deals deals;

	private final Companies companies;

	private final HalalCertificates certificates;

	private final ActingCompany acting;

	private final AccessPolicy access;

	private final Countries countries;

	private final Commodities commodities;

	private final Clock clock;

	TradeFormsController(Offers offers, Rfqs rfqs, Deals deals, Companies companies, HalalCertificates certificates,
			ActingCompany acting, AccessPolicy access, Countries countries, Commodities commodities, Clock clock) {
		this.offers = offers;
		this.rfqs = rfqs;
		this.deals = deals;
		this.companies = companies;
		this.certificates = certificates;
		this.acting = acting;
		this.access = access;
		this.countries = countries;
		this.commodities = commodities;
		this.clock = clock;
	}

	@GetMapping("/trade/offers/new")
	String newOffer(@RequestParam(defaultValue = "SELL") String side, Model model) {
		List<Companies.Company> own = ownCompanies();
		model.addAttribute("side", side.equalsIgnoreCase("BUY") ? "BUY" : "SELL");
		model.addAttribute("ownCompanies", own);
		model.addAttribute("certificates", own.stream().flatMap(c -> certificates.ofCompany(c.id()).stream())
			.filter(c -> c.status().equals("VALID")).toList());
		choices(model);
		return "trade/offer-form";
	}

	@PostMapping("/trade/offers")
	String draftOffer(OfferForm form, RedirectAttributes redirect) {
		redirect.addFlashAttribute("form", form);
		return Refusal.redirectAfter(() -> offers.draft(form.draft()), offer -> "/trade/offers/" + offer.id() + "?drafted=true",
				"/trade/offers/new?side=" + form.side(), redirect);
	}

	@PostMapping("/trade/offers/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> offers.publish(id), offer -> "/trade/offers/" + id, "/trade/offers/" + id, redirect);
	}

	@PostMapping("/trade/offers/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> offers.withdraw(id), offer -> "/trade/offers/" + id, "/trade/offers/" + id, redirect);
	}

	/**
	 * The request for quotation form; its fields may come pre-filled in the address (an allocation plan's buy side
	 * drafts one this way), and the sellers it invites are offered beside the company's partners.
	 */
	@GetMapping("/trade/rfqs/new")
	String newRfq(Model model, @ModelAttribute("prefill") RfqForm prefill) {
		if (!model.containsAttribute("form") && prefill.commodity() != null) {
			model.addAttribute("form", prefill);
		}
		List<Companies.Company> own = ownCompanies();
		model.addAttribute("ownCompanies", own);
		List<UUID> ownIds = own.stream().map(Companies.Company::id).toList();
		List<UUID> partners = Stream.concat(deals.mine(100).stream().flatMap(deal -> Stream.of(deal.buyer(), deal.seller())),
				prefill.invited() == null ? Stream.empty() : prefill.invited().stream())
			.filter(id -> !ownIds.contains(id))
			.distinct()
			.toList();
		model.addAttribute("partners", companies.byIds(partners).values().stream()
			.filter(Companies.Company::verified).toList());
		choices(model);
		return "trade/rfq-form";
	}

	@PostMapping("/trade/rfqs")
	String createRfq(RfqForm form, RedirectAttributes redirect) {
		redirect.addFlashAttribute("form", form);
		return Refusal.redirectAfter(() -> rfqs.create(form.rfq()), rfq -> "/trade/rfqs/" + rfq.id(), "/trade/rfqs/new", redirect);
	}

	/** The companies the reader trades for, which have applied (a form needs one; the service checks it again). */
	private List<Companies.Company> ownCompanies() {
		List<UUID> ids = ActingCompany.companiesOf(acting.signedIn(), access);
		return List.copyOf(companies.byIds(ids).values());
	}

	private void choices(Model model) {
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("incoterms", Incoterm.values());
		model.addAttribute("members", countries.all());
		model.addAttribute("commodityChoices", commodities.ofKind(CommodityKind.COMMODITY));
	}


}
