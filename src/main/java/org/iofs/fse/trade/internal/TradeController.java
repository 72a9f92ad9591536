package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The IFPA pages: the board of open offers and requests, an offer (taken from its page), a company's profile. */
@Controller
class TradeController {

	static final int PAGE_SIZE = 50;

	private final Offers offers;

	private final Companies companies;

	private final Countries countries;

	private final Commodities commodities;

	private final HalalCertificates certificates;

	private final DealPrices dealPrices;

	private final CompanyDossier dossier;

	private final Matching matching;

	private final Deals deals;

	private final BoardLines boardLines;

	TradeController(Offers offers, Companies companies, Countries countries, Commodities commodities,
			HalalCertificates certificates, DealPrices dealPrices, CompanyDossier dossier, Matching matching,
			Deals deals, BoardLines boardLines) {
		this.deals = deals;
		this.boardLines = boardLines;
		this.dossier = dossier;
		this.matching = matching;
		this.dealPrices = dealPrices;
		this.certificates = certificates;
		this.offers = offers;
		this.companies = companies;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/trade")
	String board(@RequestParam(required = false) String side, @RequestParam(required = false) String commodity,
			@RequestParam(required = false) String origin, @RequestParam(required = false) String incoterm,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		Offers.BoardFilter filter = new Offers.BoardFilter(side, commodity, origin, incoterm, null, q);
		var board = offers.board(filter, page, PAGE_SIZE);
		model.addAttribute("offers", board);
		model.addAttribute("rows", boardLines.rows(board, request.getContextPath()));
		model.addAttribute("sideOptions", boardLines.options("side", side, boardLines::sideChoices));
		model.addAttribute("commodityOptions", boardLines.options("commodity", commodity, boardLines::commodityChoices));
		model.addAttribute("originOptions", boardLines.options("origin", origin, boardLines::memberChoices));
		model.addAttribute("incotermOptions", boardLines.options("incoterm", incoterm, boardLines::incotermChoices));
		model.addAttribute("filter", filter);
		model.addAttribute("countCap", Board.COUNT_CAP);
		model.addAttribute("link", UriComponentsBuilder.fromPath("/trade")
			.queryParamIfPresent("side", present(side))
			.queryParamIfPresent("commodity", present(commodity))
			.queryParamIfPresent("origin", present(origin))
			.queryParamIfPresent("incoterm", present(incoterm))
			.queryParamIfPresent("q", present(q))
			.encode().build().toUriString());
		return "trade/board";
	}

	@GetMapping("/trade/offers/{id}")
	String offer(@PathVariable long id, Model model) {
		Offers.Offer offer = offers.get(id);
		model.addAttribute("offer", offer);
		model.addAttribute("company", companies.find(offer.company()).orElseThrow());
		model.addAttribute("certificate", offer.certificate() == null ? null : certificates.load(offer.certificate()));
		model.addAttribute("bodyIndex", certificates.bodies().stream()
			.collect(Collectors.toMap(HalalCertificates.Body::code, Function.identity())));
		// The buyer (and the Secretariat) see the sellers that match an open request to buy.
		if (offer.side().equals("BUY") && dossier.insider(offer.company())) {
			Matching.Result result = matching.forRequest(id);
			model.addAttribute("matches", result);
			model.addAttribute("matchCompanies", companies.byIds(result.matches().stream().map(Matching.Match::company)
				.toList()));
		}
		indexes(model);
		return "trade/offer";
	}

	/** A company's member takes tonnes from the offer's page; refused, back to the page with the reason. */
	@PostMapping("/trade/offers/{id}/takes")
	String take(@PathVariable long id, @RequestParam(required = false) BigDecimal tonnes, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> offers.take(id, new Offers.Take(null, tonnes)),
				taken -> "/trade/offers/" + id + "?taken=true", "/trade/offers/" + id, redirect);
	}

	/** The country cockpit's Trade tab: the member's verified companies and their open offers and requests. */
	@GetMapping("/countries/{iso3}/trade")
	String tab(@PathVariable String iso3, Model model) {
		Country country = countries.get(iso3);
		var board = offers.board(new Offers.BoardFilter(null, null, null, null, country.iso3()), 0, PAGE_SIZE);
		model.addAttribute("country", country);
		model.addAttribute("companies", companies.list(KycStatus.VERIFIED.name()).stream()
			.filter(c -> c.country().equals(country.iso3())).toList());
		model.addAttribute("offers", board);
		model.addAttribute("countryDeals", deals.ofCountry(country.iso3()));
		List<Deals.Deal> listed = deals.ofCountryForSecretariat(country.iso3(), 20);
		model.addAttribute("listedDeals", listed);
		model.addAttribute("companyIndex", companies.byIds(java.util.stream.Stream.concat(
				board.items().stream().map(Offers.Offer::company),
				listed.stream().flatMap(d -> java.util.stream.Stream.of(d.buyer(), d.seller()))).toList()));
		indexes(model);
		return "trade/tab :: tab";
	}

	/** The commodity page's IFPA deal prices, loaded by htmx beside the WFP and FAO prices. */
	@GetMapping("/commodities/{code}/deal-prices")
	String dealPrices(@PathVariable String code, Model model) {
		var commodity = commodities.get(code);
		model.addAttribute("commodity", commodity);
		model.addAttribute("medians", dealPrices.monthly(commodity.code()));
		model.addAttribute("minSellers", DealPrices.MIN_SELLERS);
		return "trade/deal-prices :: prices";
	}

	@GetMapping("/trade/companies/{id}")
	String company(@PathVariable UUID id, Model model) {
		Companies.Company company = companies.get(id);
		model.addAttribute("company", company);
		model.addAttribute("offers", offers.ofCompany(id));
		model.addAttribute("certificates", certificates.ofCompany(id));
		model.addAttribute("sites", dossier.sites(id));
		boolean insider = dossier.insider(id);
		model.addAttribute("insider", insider);
		model.addAttribute("contacts", insider ? dossier.contacts(id) : java.util.List.of());
		model.addAttribute("documents", insider ? dossier.documents(id) : java.util.List.of());
		model.addAttribute("bodyIndex", certificates.bodies().stream()
			.collect(Collectors.toMap(HalalCertificates.Body::code, Function.identity())));
		indexes(model);
		return "trade/company";
	}

	/** The names a trade page shows, each list read once per page. */
	private void indexes(Model model) {
		var members = countries.all();
		model.addAttribute("countryIndex", members.stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		var all = commodities.all();
		model.addAttribute("commodityIndex",
				all.stream().collect(Collectors.toMap(c -> c.code(), Function.identity(), (a, b) -> a)));
		model.addAttribute("commodityChoices", all.stream().filter(c -> c.kind() == CommodityKind.COMMODITY).toList());
		model.addAttribute("members", members);
	}

	private static Optional<String> present(String value) {
		return Optional.ofNullable(value).filter(v -> !v.isBlank());
	}

}
