package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of trading after the board: the caller's requests for quotation, deals and finance requests in one
 * place; a request for quotation with its quotes side by side (quoted, revised and accepted from the page); a deal
 * with its steps and its finance; a finance request as a printable term sheet with its steps. What each page shows
 * is what the services let the reader see.
 */
@Controller
class DealPagesController {

	private final Rfqs rfqs;

	private final Deals deals;

	private final FinanceRequests finance;

	private final Companies companies;

	private final Commodities commodities;

	private final Countries countries;

	private final Organisations organisations;

	private final ActingCompany acting;

	private final Matching matching;

	private final CompanyDossier dossier;

	private final org.iofs.fse.access.AccessPolicy access;

	/** A company the reader acts for, with its application's status (none before it applies). */
	record OwnCompany(UUID id, org.iofs.fse.shared.Named name, String kycStatus) {
	}

	DealPagesController(Rfqs rfqs, Deals deals, FinanceRequests finance, Companies companies, Commodities commodities,
			Countries countries, Organisations organisations, ActingCompany acting,
			org.iofs.fse.access.AccessPolicy access, Matching matching, CompanyDossier dossier) {
		this.matching = matching;
		this.dossier = dossier;
		this.acting = acting;
		this.access = access;
		this.rfqs = rfqs;
		this.deals = deals;
		this.finance = finance;
		this.companies = companies;
		this.commodities = commodities;
		this.countries = countries;
		this.organisations = organisations;
	}

	@GetMapping("/trade/mine")
	String mine(Model model) {
		List<Rfqs.Rfq> myRfqs = rfqs.mine(100);
		List<Deals.Deal> myDeals = deals.mine(100);
		List<FinanceRequests.Request> myFinance = finance.list();
		model.addAttribute("rfqs", myRfqs);
		model.addAttribute("deals", myDeals);
		model.addAttribute("financeRequests", myFinance);
		model.addAttribute("ownCompanies", ActingCompany.companiesOf(acting.signedIn(), access).stream()
			.map(id -> companies.find(id)
				.map(applied -> new OwnCompany(id, applied, applied.kycStatus()))
				.orElseGet(() -> new OwnCompany(id, organisations.nameOf(id).orElse(null), null)))
			.filter(own -> own.name() != null)
			.toList());
		names(model, Stream.of(myRfqs.stream().map(Rfqs.Rfq::buyer), myDeals.stream().map(Deals.Deal::buyer),
				myDeals.stream().map(Deals.Deal::seller), myFinance.stream().map(FinanceRequests.Request::buyer))
			.flatMap(Function.identity()).toList());
		return "trade/mine";
	}

	@GetMapping("/trade/rfqs/{id}")
	String rfq(@PathVariable long id, Model model) {
		Rfqs.View view = rfqs.view(id);
		model.addAttribute("view", view);
		model.addAttribute("incoterms", Incoterm.values());
		names(model, Stream.concat(Stream.of(view.rfq().buyer()), view.quotes().stream().map(Rfqs.Quote::seller))
			.toList());
		// While it is open, its buyer (and the Secretariat) see the board's sellers that match it.
		if (view.rfq().status().equals("OPEN") && dossier.insider(view.rfq().buyer())) {
			Matching.Result result = matching.forRfq(id);
			model.addAttribute("matches", result);
			model.addAttribute("matchCompanies", companies.byIds(result.matches().stream()
				.map(Matching.Match::company).toList()));
		}
		return "trade/rfq";
	}

	@PostMapping("/trade/rfqs/{id}/quotes")
	String quote(@PathVariable long id, @RequestParam(required = false) BigDecimal tonnes,
			@RequestParam(required = false) BigDecimal pricePerTonne, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String incoterm, @RequestParam(required = false) String incotermPlace,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> rfqs.quote(id, new Rfqs.NewQuote(null, tonnes, pricePerTonne, currency, incoterm,
				incotermPlace, validUntil, note)), q -> "/trade/rfqs/" + id + "?quoted=true", "/trade/rfqs/" + id,
				redirect);
	}

	/** The buyer accepts a quote; the delivery schedule's lots are lines of "date tonnes". */
	@PostMapping("/trade/quotes/{id}/accept")
	String accept(@PathVariable long id, @RequestParam long rfq, @RequestParam(required = false) String paymentMode,
			@RequestParam(required = false) String inspection, @RequestParam(required = false) String schedule,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> rfqs.accept(id, new Deals.Terms(paymentMode, inspection,
				datedLines(schedule, "schedule", "2027-03-31 500").stream()
					.map(line -> new DeliverySchedule.Requested(line.getValue(), line.getKey()))
					.toList())),
				accepted -> "/trade/deals/" + accepted.deal().id(), "/trade/rfqs/" + rfq, redirect);
	}

	@GetMapping("/trade/deals/{id}")
	String deal(@PathVariable long id, Model model) {
		Deals.View view = deals.view(id);
		model.addAttribute("view", view);
		model.addAttribute("steps", deals.stepsFor(view.deal()));
		model.addAttribute("financeRequest", finance.ofDeal(id).orElse(null));
		model.addAttribute("financiers", finance.financiers());
		model.addAttribute("modes", FinanceSchedules.Mode.values());
		names(model, List.of(view.deal().buyer(), view.deal().seller()));
		return "trade/deal";
	}

	@PostMapping("/trade/deals/{id}/{action:ship|deliver|settle|dispute|resolve|cancel}")
	String dealStep(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> deals.move(id, action, note), deal -> "/trade/deals/" + id, "/trade/deals/" + id,
				redirect);
	}

	/** The buyer asks for finance from the deal's page; istisna'a milestones are lines of "date percent". */
	@PostMapping("/trade/deals/{id}/finance")
	String requestFinance(@PathVariable long id, @RequestParam(required = false) UUID financier,
			@RequestParam(required = false) String mode, FinanceForm form, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> finance.request(new FinanceRequests.NewRequest(id, financier, mode, form.terms(),
				form.note())), request -> "/trade/finance/" + request.id(), "/trade/deals/" + id, redirect);
	}

	@GetMapping("/trade/finance/{id}")
	String termSheet(@PathVariable long id, Model model) {
		FinanceRequests.View view = finance.view(id);
		model.addAttribute("view", view);
		model.addAttribute("steps", finance.stepsFor(view.request()));
		model.addAttribute("today", LocalDate.now());
		names(model, List.of(view.deal().buyer(), view.deal().seller()));
		return "trade/finance";
	}

	@PostMapping("/trade/finance/{id}/{action:approve|decline|withdraw|sign|issue-guarantee|pay-supplier|confirm-delivery|start-repaying|mark-repaid|release-guarantee}")
	String financeStep(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String contractNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestParam(required = false) String shariahReference, @RequestParam(required = false) String guarantee,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> finance.move(id, action, new FinanceRequests.Step(note, contractNumber, signedOn,
				shariahReference, guarantee, null)), request -> "/trade/finance/" + id, "/trade/finance/" + id, redirect);
	}

	/** The finance form's fields, bound by name. */
	record FinanceForm(BigDecimal markupPercent, Integer instalments,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDueOn, Integer intervalMonths,
			Integer deliveries, String milestones, Integer termMonths, BigDecimal rentPerPeriod,
			BigDecimal purchasePrice, BigDecimal clientCapital, BigDecimal clientProfitPercent, Integer buyOutPeriods,
			String note) {

		FinanceRequests.FinanceTerms terms() {
			return new FinanceRequests.FinanceTerms(markupPercent, null, instalments, firstDueOn, intervalMonths,
					deliveries, milestoneList(), termMonths, rentPerPeriod, purchasePrice, clientCapital, null,
					clientProfitPercent, buyOutPeriods);
		}

		private List<FinanceSchedules.Milestone> milestoneList() {
			return datedLines(milestones, "milestones", "2027-03-31 40").stream()
				.map(line -> new FinanceSchedules.Milestone(line.getKey(), line.getValue()))
				.toList();
		}

	}


	/** Lines of a date and a number ("2027-03-31 40"), as a form's text area gives them; blank lines skipped. */
	static List<java.util.Map.Entry<LocalDate, BigDecimal>> datedLines(String text, String field, String example) {
		List<java.util.Map.Entry<LocalDate, BigDecimal>> lines = new ArrayList<>();
		if (text == null) {
			return lines;
		}
		for (String line : text.split("\\R")) {
			String[] parts = line.strip().split("[\\s,;]+");
			if (parts.length == 1 && parts[0].isEmpty()) {
				continue;
			}
			try {
				lines.add(java.util.Map.entry(LocalDate.parse(parts[0]), new BigDecimal(parts[1])));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException(field, "each line is a date and a number: " + example);
			}
		}
		return lines;
	}

	private void names(Model model, Collection<UUID> companyIds) {
		model.addAttribute("companyIndex", companies.byIds(companyIds));
		model.addAttribute("organisationNames", organisations.financialInstitutions());
		model.addAttribute("countryIndex",
				countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("commodityIndex", commodities.all().stream()
			.collect(Collectors.toMap(c -> c.code(), Function.identity(), (a, b) -> a)));
	}


}
