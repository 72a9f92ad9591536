package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/trade")
@Tag(name = "IFPA trade", description = "Member companies and their verification; the board's offers to sell and requests to buy")
class TradeApiController {

	record Note(String note) {
	}

	record TakeRequest(UUID company, BigDecimal tonnes) {
	}

	record StatusChange(String status) {
	}

	record Recognition(java.util.List<String> bodies) {
	}

	private final Companies companies;

	private final Offers offers;

	private final HalalCertificates certificates;

	private final Matching matching;

	private final Rfqs rfqs;

	private final Deals deals;

	private final DealPrices dealPrices;

	private final CompanyDossier dossier;

	TradeApiController(Companies companies, Offers offers, HalalCertificates certificates, Matching matching,
			Rfqs rfqs, Deals deals, DealPrices dealPrices, CompanyDossier dossier) {
		this.dossier = dossier;
		this.dealPrices = dealPrices;
		this.deals = deals;
		this.rfqs = rfqs;
		this.matching = matching;
		this.companies = companies;
		this.offers = offers;
		this.certificates = certificates;
	}

	@GetMapping("/companies/{id}/certificates")
	@Operation(summary = "A company's Halal certificates (public once the company is verified; documents are not)")
	List<HalalCertificates.Certificate> certificates(@PathVariable UUID id) {
		return certificates.ofCompany(id);
	}

	@PostMapping("/companies/{id}/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A company's member records a Halal certificate: body and accreditation, standard, scope by HS code, dates")
	HalalCertificates.Certificate addCertificate(@PathVariable UUID id,
			@RequestBody HalalCertificates.NewCertificate certificate) {
		return certificates.add(id, certificate);
	}

	@org.springframework.web.bind.annotation.PutMapping("/certificates/{id}/document")
	@Operation(summary = "The certificate's document as the request body: a PDF, PNG or JPEG (read from its bytes), at most 20 MB")
	HalalCertificates.Certificate attach(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request)
			throws java.io.IOException {
		byte[] bytes = request.getInputStream().readNBytes(org.iofs.fse.shared.DocumentFile.MAX_BYTES + 1);
		return certificates.attach(id, bytes);
	}

	@GetMapping("/certificates/{id}/document")
	@Operation(summary = "The certificate's document, for its company and the Secretariat")
	org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id) {
		HalalCertificates.Document document = certificates.document(id);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(document.type()))
			.header("X-Content-SHA256", document.sha256())
			.body(document.bytes());
	}

	@PostMapping("/certificates/{id}/status")
	@Operation(summary = "The Secretariat suspends (SUSPENDED), withdraws (WITHDRAWN) or reinstates (VALID) a certificate")
	HalalCertificates.Certificate certificateStatus(@PathVariable long id, @RequestBody StatusChange change) {
		return certificates.setStatus(id, change.status());
	}

	@GetMapping("/certificates/{id}/check")
	@Operation(summary = "Whether a certificate counts for shipping a product to a member: valid on both dates, in scope, body recognised there")
	HalalCertificates.Check check(@PathVariable long id, @RequestParam String hsCode, @RequestParam String destination,
			@RequestParam @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate shipment,
			@RequestParam @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate arrival) {
		return certificates.check(id, hsCode, destination, shipment, arrival);
	}

	@GetMapping("/certifying-bodies")
	@Operation(summary = "Halal certifying bodies")
	List<HalalCertificates.Body> bodies() {
		return certificates.bodies();
	}

	@PutMapping("/certifying-bodies/{code}")
	@Operation(summary = "Administrators add or change a certifying body")
	HalalCertificates.Body putBody(@PathVariable String code, @RequestBody HalalCertificates.NewBody body) {
		return certificates.putBody(code, body);
	}

	@GetMapping("/recognitions/{iso3}")
	@Operation(summary = "The certifying bodies a member state recognises for imports")
	List<String> recognised(@PathVariable String iso3) {
		return certificates.recognised(iso3);
	}

	@PutMapping("/recognitions/{iso3}")
	@Operation(summary = "Administrators set the certifying bodies a member state recognises")
	List<String> recognise(@PathVariable String iso3, @RequestBody Recognition recognition) {
		return certificates.recognise(iso3, recognition.bodies());
	}

	@GetMapping("/companies")
	@Operation(summary = "Verified member companies (the Secretariat may list any KYC status)")
	List<Companies.Company> companies(@RequestParam(required = false) String status) {
		return companies.list(status);
	}

	@GetMapping("/companies/{id}")
	@Operation(summary = "One company: public once verified, otherwise to its members and the Secretariat")
	Companies.Company company(@PathVariable UUID id) {
		return companies.get(id);
	}

	@PutMapping("/companies/{id}")
	@Operation(summary = "A company's members apply for IFPA membership or update the application; a change of legal identity is verified again")
	Companies.Company apply(@PathVariable UUID id, @RequestBody Companies.Application application) {
		return dossier.apply(id, application);
	}

	@PostMapping("/companies/{id}/verify")
	@Operation(summary = "The Secretariat verifies a company (KYC)")
	Companies.Company verify(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return companies.decide(id, new Companies.Decision("VERIFIED", note == null ? "" : note.note()));
	}

	@PostMapping("/companies/{id}/suspend")
	@Operation(summary = "The Secretariat suspends a company, with a note")
	Companies.Company suspend(@PathVariable UUID id, @RequestBody Note note) {
		return companies.decide(id, new Companies.Decision("SUSPENDED", note.note()));
	}

	@PostMapping("/companies/{id}/refuse")
	@Operation(summary = "The Secretariat refuses a company's application, with a note")
	Companies.Company refuse(@PathVariable UUID id, @RequestBody Note note) {
		return companies.decide(id, new Companies.Decision("REFUSED", note.note()));
	}

	@GetMapping("/offers")
	@Operation(summary = "The board: open offers to sell (side SELL) and requests to buy (side BUY), newest first")
	PageOf<Offers.Offer> board(@RequestParam(required = false) String side,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String origin,
			@RequestParam(required = false) String incoterm, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return offers.board(new Offers.BoardFilter(side, commodity, origin, incoterm, null, q), page, size);
	}

	@GetMapping("/requests")
	@Operation(summary = "The board's open requests to buy, newest first (the offers of side BUY)")
	PageOf<Offers.Offer> requests(@RequestParam(required = false) String commodity,
			@RequestParam(required = false) String incoterm, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return offers.board(new Offers.BoardFilter("BUY", commodity, null, incoterm), page, size);
	}

	@PostMapping("/requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A company's member drafts a request to buy (an offer of side BUY; publish it at /offers/{id}/publish)")
	Offers.Offer request(@RequestBody Offers.Draft draft) {
		return offers.draft(new Offers.Draft("BUY", draft.company(), draft.commodity(), draft.hsCode(), draft.grade(),
				draft.specification(), draft.quantityTonnes(), draft.minOrderTonnes(), draft.pricePerTonne(),
				draft.currency(), draft.incoterm(), draft.incotermPlace(), draft.origin(), draft.deliveryFrom(),
				draft.deliveryUntil(), draft.validUntil(), draft.certificate()));
	}

	@GetMapping("/offers/{id}")
	@Operation(summary = "One offer or request: open ones are public; drafts and closed ones for their company and the Secretariat")
	Offers.Offer offer(@PathVariable long id) {
		return offers.get(id);
	}

	@PostMapping("/offers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A company's member drafts an offer to sell or a request to buy (exact tonnes and price, Incoterm 2020 and its place)")
	Offers.Offer draft(@RequestBody Offers.Draft draft) {
		return offers.draft(draft);
	}

	@PostMapping("/rfqs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A verified buyer asks every verified seller of a commodity, or the sellers it invites, for a quote")
	Rfqs.Rfq createRfq(@RequestBody Rfqs.NewRfq rfq) {
		return rfqs.create(rfq);
	}

	@GetMapping("/rfqs/{id}")
	@Operation(summary = "A request for quotation with the quotes the reader may see: all for its buyer and the Secretariat, a seller's own otherwise")
	Rfqs.View rfq(@PathVariable long id) {
		return rfqs.view(id);
	}

	@PostMapping("/rfqs/{id}/quotes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A seller the request reaches quotes; quoting again is its one revision")
	Rfqs.Quote quote(@PathVariable long id, @RequestBody Rfqs.NewQuote quote) {
		return rfqs.quote(id, quote);
	}

	@PostMapping("/quotes/{id}/accept")
	@Operation(summary = "The buyer accepts one quote (with the payment mode and inspection); the others are marked not chosen and a deal is made")
	Rfqs.Accepted accept(@PathVariable long id, @RequestBody(required = false) Deals.Terms terms) {
		return rfqs.accept(id, terms);
	}

	@GetMapping("/deal-prices")
	@Operation(summary = "Monthly median deal price per tonne of a commodity by the seller's OIC group and currency, only where at least three sellers traded")
	List<DealPrices.MonthlyMedian> dealPrices(@RequestParam String commodity) {
		return dealPrices.monthly(commodity);
	}

	@GetMapping("/rfqs")
	@Operation(summary = "The requests for quotation the caller may read, newest first: its own, those that reach it, all for the Secretariat")
	List<Rfqs.Rfq> rfqs() {
		return rfqs.mine(500);
	}

	@GetMapping("/quotes")
	@Operation(summary = "The caller's quotes and the quotes on its requests, newest first (all for the Secretariat); never a competitor's")
	List<Rfqs.Quote> quotes() {
		return rfqs.quotesMine(500);
	}

	@GetMapping("/deals")
	@Operation(summary = "The deals the caller is a side of, newest first (all for the Secretariat)")
	List<Deals.Deal> deals() {
		return deals.mine(500);
	}

	@GetMapping("/deals/{id}")
	@Operation(summary = "A deal and its history, for its buyer, its seller and the Secretariat")
	Deals.View deal(@PathVariable long id) {
		return deals.view(id);
	}

	@PostMapping("/deals/{id}/{action:ship|deliver|settle|dispute|resolve|cancel}")
	@Operation(summary = "One step of a deal: ship (seller), deliver and settle (buyer), dispute and cancel (either side), resolve (Secretariat); the steps allowed are data")
	Deals.Deal step(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) Note note) {
		return deals.move(id, action, note == null ? "" : note.note());
	}

	record Rating(UUID company, Integer stars, String comment) {
	}

	@PostMapping("/deals/{id}/ratings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "After settlement, each side rates the other once (1 to 5 stars)")
	java.util.Map<String, Object> rate(@PathVariable long id, @RequestBody Rating rating) {
		if (rating.stars() == null) {
			throw new org.iofs.fse.shared.InvalidInputException("stars", "is required");
		}
		return deals.rate(id, rating.company(), rating.stars(), rating.comment());
	}

	@GetMapping("/offers/{id}/matches")
	@Operation(summary = "Sellers for a request to buy: hard filters (commodity, grade, tonnes, dates, currency, verified, Incoterm feasible, Halal valid and recognised), then ranked by landed cost (freight from the transport network's routes, else by distance), transit days and delivery record, each figure shown")
	Matching.Result matches(@PathVariable long id) {
		return matching.forRequest(id);
	}

	@GetMapping("/rfqs/{id}/matches")
	@Operation(summary = "Sellers on the board for a request for quotation, filtered and ranked as for a request to buy (every currency, each ranked within its own)")
	Matching.Result rfqMatches(@PathVariable long id) {
		return matching.forRfq(id);
	}

	@PostMapping("/offers/{id}/publish")
	@Operation(summary = "A verified company puts its draft on the board")
	Offers.Offer publish(@PathVariable long id) {
		return offers.publish(id);
	}

	@PostMapping("/offers/{id}/withdraw")
	@Operation(summary = "The company takes its offer off the board")
	Offers.Offer withdraw(@PathVariable long id) {
		return offers.withdraw(id);
	}

	@PostMapping("/offers/{id}/takes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A verified company takes tonnes from an open offer (at least the minimum order, or all that is open); never more than is open")
	Offers.Taken take(@PathVariable long id, @RequestBody TakeRequest request) {
		return offers.take(id, new Offers.Take(request.company(), request.tonnes()));
	}

}
