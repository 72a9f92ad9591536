package org.iofs.fse.trade.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Scope;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A company's application as its members fill it in on a page: legal identity, what it trades, sites and contacts
 * as rows (two blank rows to add more), documents uploaded one by one; and its export and erasure. The services
 * decide who may do what; a refusal comes back to the form with the field it names.
 */
@Controller
class CompanyPagesController {

	/** Blank rows the form offers beyond those already filled. */
	static final int BLANK_ROWS = 2;

	private final Companies companies;

	private final CompanyDossier dossier;

	private final Countries countries;

	private final Commodities commodities;

	private final AccessPolicy access;

	private final tools.jackson.databind.json.JsonMapper json;

	CompanyPagesController(Companies companies, CompanyDossier dossier, Countries countries, Commodities commodities,
			AccessPolicy access, tools.jackson.databind.json.JsonMapper json) {
		this.companies = companies;
		this.dossier = dossier;
		this.countries = countries;
		this.commodities = commodities;
		this.access = access;
		this.json = json;
	}

	@GetMapping("/trade/companies/{id}/application")
	String application(@PathVariable UUID id, Model model) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(id));
		var company = companies.find(id);
		model.addAttribute("organisation", id);
		model.addAttribute("company", company.orElse(null));
		model.addAttribute("sectorsText", company.map(c -> String.join(", ", c.sectors())).orElse(""));
		model.addAttribute("hsText", company.map(c -> String.join(", ", c.hsHeadings())).orElse(""));
		List<CompanyDossier.Site> sites = new ArrayList<>(company.isPresent() ? dossier.sites(id) : List.of());
		List<CompanyDossier.Contact> contacts = new ArrayList<>(company.isPresent() ? dossier.contacts(id) : List.of());
		for (int i = 0; i < BLANK_ROWS; i++) {
			sites.add(new CompanyDossier.Site("", "", "", ""));
			contacts.add(new CompanyDossier.Contact("", "", "", ""));
		}
		model.addAttribute("sites", sites);
		model.addAttribute("contacts", contacts);
		model.addAttribute("documents", company.isPresent() ? dossier.documents(id) : List.of());
		model.addAttribute("siteKinds", CompanyDossier.SiteKind.values());
		model.addAttribute("documentKinds", CompanyDossier.DocumentKind.values());
		model.addAttribute("members", countries.all());
		model.addAttribute("commodityChoices", commodities.ofKind(CommodityKind.COMMODITY));
		return "trade/application";
	}

	/** The form's fields by name; rows whose every field is blank are the unused blank rows. */
	@PostMapping("/trade/companies/{id}/application")
	String apply(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> dossier.apply(id, new Companies.Application(form.getFirst("legalNameEn"),
				form.getFirst("legalNameAr"), form.getFirst("legalNameFr"), form.getFirst("country"),
				form.getFirst("registrationNumber"), form.getFirst("registry"), words(form.getFirst("sectors")),
				form.getOrDefault("commodities", List.of()), words(form.getFirst("hsHeadings")), sites(form),
				contacts(form))), applied -> "/trade/companies/" + id + "?applied=true", "/trade/companies/" + id + "/application",
				redirect);
	}

	@PostMapping("/trade/companies/{id}/documents")
	String upload(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		byte[] bytes = file == null ? new byte[0]
				: file.getInputStream().readNBytes(org.iofs.fse.shared.DocumentFile.MAX_BYTES + 1);
		String name = file == null ? null : file.getOriginalFilename();
		return Refusal.redirectAfter(() -> dossier.addDocument(id, kind, name, bytes),
				added -> "/trade/companies/" + id + "/application",
				"/trade/companies/" + id + "/application", redirect);
	}

	@PostMapping("/trade/companies/{id}/documents/{document}/remove")
	String remove(@PathVariable UUID id, @PathVariable long document, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> {
			dossier.removeDocument(id, document);
			return document;
		}, removed -> "/trade/companies/" + id + "/application", "/trade/companies/" + id + "/application", redirect);
	}

	@GetMapping("/trade/companies/{id}/documents/{document}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable long document) {
		CompanyDossier.Document found = dossier.document(id, document);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.info().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(found.info().fileName(), StandardCharsets.UTF_8).build()
						.toString())
			.body(found.content());
	}

	/** The export as a JSON file to keep. */
	@GetMapping("/trade/companies/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable UUID id) {
		byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier.export(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("company-" + id + ".json").build().toString())
			.body(body);
	}

	@PostMapping("/trade/companies/{id}/erasure")
	String erase(@PathVariable UUID id, @RequestParam(required = false) String confirmRegistrationNumber,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> dossier.erase(id, confirmRegistrationNumber),
				erased -> "/trade/companies/" + id + "?erased=true",
				"/trade/companies/" + id + "/application", redirect);
	}

	private static List<String> words(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(w -> !w.isBlank()).toList();
	}

	private static List<CompanyDossier.Site> sites(MultiValueMap<String, String> form) {
		List<CompanyDossier.Site> sites = new ArrayList<>();
		List<String> names = form.getOrDefault("siteName", List.of());
		for (int i = 0; i < names.size(); i++) {
			var site = new CompanyDossier.Site(at(form, "siteKind", i), names.get(i), at(form, "siteAddress", i),
					at(form, "siteCountry", i));
			if (!(blank(site.name()) && blank(site.address()) && blank(site.country()))) {
				sites.add(site);
			}
		}
		return sites;
	}

	private static List<CompanyDossier.Contact> contacts(MultiValueMap<String, String> form) {
		List<CompanyDossier.Contact> contacts = new ArrayList<>();
		List<String> names = form.getOrDefault("contactName", List.of());
		for (int i = 0; i < names.size(); i++) {
			var contact = new CompanyDossier.Contact(names.get(i), at(form, "contactTitle", i),
					at(form, "contactEmail", i), at(form, "contactPhone", i));
			if (!(blank(contact.name()) && blank(contact.title()) && blank(contact.email())
					&& blank(contact.phone()))) {
				contacts.add(contact);
			}
		}
		return contacts;
	}

	private static String at(MultiValueMap<String, String> form, String field, int index) {
		List<String> values = form.getOrDefault(field, List.of());
		return index < values.size() ? values.get(index) : "";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
