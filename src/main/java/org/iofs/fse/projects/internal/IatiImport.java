package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the portfolio from another publisher's IATI 2.03 activity file (an IsDB file, say). The file is checked
 * whole first against the official schema (kept under {@code iati/} on the class path, so nothing is fetched) and
 * then activity by activity against the platform's rules; any break refuses the whole file naming the activity and
 * the field, with nothing stored. Activities outside the platform's scope (a recipient that is not an OIC member, a
 * region instead of countries, a sector the platform does not list, a cancelled or suspended activity) are left out
 * and listed with the reason. An activity whose identifier is already a project's code is left as it is, so that
 * loading the same file again changes nothing.
 */
@Service
public class IatiImport {

	/** What an import did: how many activities were read, imported, already held, and those left out and why. */
	public record Report(String fileName, int activities, int imported, int alreadyHeld, List<String> leftOut) {
	}

	private static final Map<String, String> STAGE_OF_STATUS = Map.of("1", "IDENTIFICATION", "2", "IMPLEMENTATION",
			"3", "COMPLETION", "4", "EVALUATION");

	private final Projects projects;

	private final Financing financing;

	private final Countries countries;

	private final DacSectors sectors;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final IatiSchema schema;

	IatiImport(Projects projects, Financing financing, Countries countries, DacSectors sectors, AccessPolicy access,
			AuditTrail audit, IatiSchema schema) {
		this.projects = projects;
		this.financing = financing;
		this.countries = countries;
		this.sectors = sectors;
		this.access = access;
		this.audit = audit;
		this.schema = schema;
	}

	@Transactional
	public Report load(String fileName, byte[] xml) {
		access.require(Action.PUBLISH);
		String name = fileName == null || fileName.isBlank() ? "activities.xml" : fileName.strip();
		if (xml == null || xml.length == 0) {
			throw new InvalidInputException("file", name + ": is empty");
		}
		if (xml.length > org.iofs.fse.shared.DocumentFile.MAX_BYTES) {
			throw new InvalidInputException("file", name + ": is larger than 20 MB");
		}
		Document document = schema.read(name, xml);
		NodeList activities = document.getElementsByTagName("iati-activity");
		List<String> leftOut = new ArrayList<>();
		List<Object[]> accepted = new ArrayList<>();
		for (int i = 0; i < activities.getLength(); i++) {
			Element activity = (Element) activities.item(i);
			String identifier = text(activity, "iati-identifier").strip();
			String at = name + " activity " + (i + 1) + " (" + identifier + ")";
			Optional<String> outside = outsideScope(activity);
			if (outside.isPresent()) {
				leftOut.add(identifier + ": " + outside.get());
				continue;
			}
			accepted.add(new Object[] { at, identifier, input(activity, identifier, at), activity });
		}
		int imported = 0;
		int held = 0;
		for (Object[] one : accepted) {
			String at = (String) one[0];
			Projects.Input input = (Projects.Input) one[2];
			if (projects.exists(input.code())) {
				held++;
				continue;
			}
			Projects.Project created;
			try {
				created = projects.create(input);
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException(ex.field(), at + ": " + ex.getMessage());
			}
			for (Financing.NewTransaction transaction : transactions((Element) one[3], at)) {
				try {
					financing.record(created.id(), transaction);
				}
				catch (InvalidInputException ex) {
					throw new InvalidInputException("transaction." + ex.field(), at + ": " + ex.getMessage());
				}
			}
			imported++;
		}
		Report report = new Report(name, activities.getLength(), imported, held, leftOut);
		audit.record("projects.iati-imported", "iati-file", name, null, report);
		return report;
	}

	/** Why an activity is not one the platform can hold, if it is not. */
	private Optional<String> outsideScope(Element activity) {
		String status = attribute(activity, "activity-status", "code");
		if (!STAGE_OF_STATUS.containsKey(status)) {
			return Optional.of("activity status " + status + " (cancelled or suspended) is not a stage of the cycle");
		}
		NodeList recipients = activity.getElementsByTagName("recipient-country");
		if (recipients.getLength() == 0) {
			return Optional.of("names no recipient country");
		}
		for (int i = 0; i < recipients.getLength(); i++) {
			String iso2 = ((Element) recipients.item(i)).getAttribute("code");
			if (member(iso2).isEmpty()) {
				return Optional.of("recipient " + iso2 + " is not an OIC member state");
			}
		}
		boolean anyDac = false;
		NodeList sectorList = activity.getElementsByTagName("sector");
		for (int i = 0; i < sectorList.getLength(); i++) {
			Element sector = (Element) sectorList.item(i);
			String vocabulary = sector.getAttribute("vocabulary");
			if (vocabulary.isEmpty() || vocabulary.equals("1")) {
				anyDac = true;
				if (!sectors.contains(sector.getAttribute("code"))) {
					return Optional.of("sector " + sector.getAttribute("code") + " is not one the platform lists");
				}
			}
		}
		return anyDac ? Optional.empty() : Optional.of("names no DAC 5-digit sector");
	}

	private Projects.Input input(Element activity, String identifier, String at) {
		String code = identifier.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "-");
		if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
			throw new InvalidInputException("iati-identifier", at + ": cannot be a project code (at most 40 letters, "
					+ "digits and hyphens)");
		}
		String language = activity.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
		LocalizedText titles = narratives(child(activity, "title"), language);
		LocalizedText descriptions = narratives(description(activity), language);
		List<Projects.Share> countryShares = new ArrayList<>();
		NodeList recipients = activity.getElementsByTagName("recipient-country");
		for (int i = 0; i < recipients.getLength(); i++) {
			Element recipient = (Element) recipients.item(i);
			countryShares.add(new Projects.Share(member(recipient.getAttribute("code")).orElseThrow().iso3(),
					percentage(recipient, recipients.getLength(), at + " recipient-country")));
		}
		List<Projects.Share> sectorShares = new ArrayList<>();
		NodeList sectorList = activity.getElementsByTagName("sector");
		long dac = 0;
		for (int i = 0; i < sectorList.getLength(); i++) {
			String vocabulary = ((Element) sectorList.item(i)).getAttribute("vocabulary");
			dac += vocabulary.isEmpty() || vocabulary.equals("1") ? 1 : 0;
		}
		for (int i = 0; i < sectorList.getLength(); i++) {
			Element sector = (Element) sectorList.item(i);
			String vocabulary = sector.getAttribute("vocabulary");
			if (vocabulary.isEmpty() || vocabulary.equals("1")) {
				sectorShares.add(new Projects.Share(sector.getAttribute("code"), percentage(sector, (int) dac,
						at + " sector")));
			}
		}
		List<Projects.Participant> participants = new ArrayList<>();
		NodeList organisations = activity.getElementsByTagName("participating-org");
		for (int i = 0; i < organisations.getLength(); i++) {
			Element org = (Element) organisations.item(i);
			LocalizedText orgNames = narratives(org, language);
			String orgName = orgNames.en().isBlank() ? org.getAttribute("ref") : orgNames.en();
			participants.add(new Projects.Participant(orgName, orgNames.ar().equals(orgNames.en()) ? "" : orgNames.ar(),
					orgNames.fr().equals(orgNames.en()) ? "" : orgNames.fr(), org.getAttribute("ref"), integer(org.getAttribute("role"), at + " participating-org/@role"),
					org.getAttribute("type").isEmpty() ? "90" : org.getAttribute("type")));
		}
		Map<String, LocalDate> dates = new HashMap<>();
		NodeList dateList = activity.getElementsByTagName("activity-date");
		for (int i = 0; i < dateList.getLength(); i++) {
			Element date = (Element) dateList.item(i);
			dates.put(date.getAttribute("type"), day(date.getAttribute("iso-date")));
		}
		LocalDate plannedStart = dates.getOrDefault("1", dates.get("2"));
		if (plannedStart == null) {
			throw new InvalidInputException("activity-date", at + ": has no start date, planned or actual");
		}
		return new Projects.Input(code, titles.en(), titles.ar(), titles.fr(), descriptions.en(), descriptions.ar(),
				descriptions.fr(), "NATIONAL_PROJECT", STAGE_OF_STATUS.get(attribute(activity, "activity-status", "code")),
				"PRODUCTION", List.of(), countryShares, sectorShares, participants, List.of(), plannedStart,
				dates.get("3"), dates.get("2"), dates.get("4"), null, true);
	}

	/**
	 * The activity's commitments, disbursements, expenditure and repayments. IATI's finance types carry no Islamic
	 * mode: a tag of vocabulary 99 naming one is read when there is one; otherwise a grant (1xx) is a grant, equity
	 * (5xx) a musharaka, and any loan a murabaha, the commonest Islamic sale-based mode.
	 */
	private List<Financing.NewTransaction> transactions(Element activity, String at) {
		String defaultCurrency = activity.getAttribute("default-currency");
		String taggedMode = null;
		NodeList tags = activity.getElementsByTagName("tag");
		for (int i = 0; i < tags.getLength(); i++) {
			Element tag = (Element) tags.item(i);
			if (tag.getAttribute("vocabulary").equals("99")) {
				String code = tag.getAttribute("code").toUpperCase(Locale.ROOT);
				if (java.util.Arrays.stream(Financing.Mode.values()).anyMatch(m -> m.name().equals(code))) {
					taggedMode = code;
				}
			}
		}
		String defaultFinance = attribute(activity, "default-finance-type", "code");
		List<Financing.NewTransaction> found = new ArrayList<>();
		NodeList list = activity.getElementsByTagName("transaction");
		for (int i = 0; i < list.getLength(); i++) {
			Element transaction = (Element) list.item(i);
			int type = integer(attribute(transaction, "transaction-type", "code"), at + " transaction-type");
			if (!Financing.TYPES.contains(type)) {
				continue;
			}
			Element value = child(transaction, "value");
			String currency = value.getAttribute("currency").isEmpty() ? defaultCurrency : value.getAttribute("currency");
			Element provider = child(transaction, "provider-org");
			String financeType = attribute(transaction, "finance-type", "code");
			String mode = taggedMode != null ? taggedMode : mode(financeType.isEmpty() ? defaultFinance : financeType);
			found.add(new Financing.NewTransaction(type,
					day(attribute(transaction, "transaction-date", "iso-date")), currency,
					new BigDecimal(value.getTextContent().strip()),
					provider == null ? "Unnamed provider" : nonBlank(narratives(provider, "en").en(),
							provider.getAttribute("ref"), "Unnamed provider"),
					provider == null ? "" : provider.getAttribute("ref"),
					provider == null || provider.getAttribute("type").isEmpty() ? "40" : provider.getAttribute("type"),
					mode));
		}
		return found;
	}

	/** An xsd:date, which may carry a time zone the platform has no use for. */
	private static LocalDate day(String isoDate) {
		return LocalDate.parse(isoDate.strip().substring(0, 10));
	}

	private static String mode(String financeType) {
		if (financeType.startsWith("1")) {
			return "GRANT";
		}
		return financeType.startsWith("5") ? "MUSHARAKA" : "MURABAHA";
	}

	private Optional<Country> member(String iso2) {
		return countries.all().stream().filter(c -> c.iso2().equalsIgnoreCase(iso2)).findFirst();
	}

	/** The narratives by language; a language the file lacks takes the activity's default one, to translate later. */
	private static LocalizedText narratives(Element parent, String defaultLanguage) {
		Map<String, String> byLanguage = new HashMap<>();
		if (parent != null) {
			NodeList list = parent.getChildNodes();
			for (int i = 0; i < list.getLength(); i++) {
				if (list.item(i) instanceof Element narrative && narrative.getTagName().equals("narrative")) {
					String lang = narrative.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
					byLanguage.putIfAbsent(lang.isEmpty() ? nonBlank(defaultLanguage, "en", "en") : lang,
							narrative.getTextContent().strip());
				}
			}
		}
		String fallback = nonBlank(byLanguage.get("en"), byLanguage.values().stream().findFirst().orElse(""), "");
		return new LocalizedText(fallback, nonBlank(byLanguage.get("ar"), fallback, ""),
				nonBlank(byLanguage.get("fr"), fallback, ""));
	}

	private static Element description(Element activity) {
		NodeList list = activity.getElementsByTagName("description");
		for (int i = 0; i < list.getLength(); i++) {
			Element description = (Element) list.item(i);
			if (description.getParentNode() == activity
					&& (description.getAttribute("type").isEmpty() || description.getAttribute("type").equals("1"))) {
				return description;
			}
		}
		return null;
	}

	private static BigDecimal percentage(Element element, int count, String where) {
		String given = element.getAttribute("percentage");
		if (given.isEmpty()) {
			if (count == 1) {
				return new BigDecimal("100");
			}
			throw new InvalidInputException("percentage", where + ": a percentage is required when there are several");
		}
		return new BigDecimal(given).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
	}

	private static int integer(String value, String where) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("code", where + ": '" + value + "' is not a code");
		}
	}

	private static Element child(Element parent, String name) {
		NodeList list = parent.getChildNodes();
		for (int i = 0; i < list.getLength(); i++) {
			if (list.item(i) instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return element == null ? "" : element.getTextContent();
	}

	private static String attribute(Element parent, String name, String attribute) {
		Element element = child(parent, name);
		return element == null ? "" : element.getAttribute(attribute);
	}

	private static String nonBlank(String first, String second, String last) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		return second != null && !second.isBlank() ? second : last;
	}

}
