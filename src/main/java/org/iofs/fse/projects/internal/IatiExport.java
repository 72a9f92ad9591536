package org.iofs.fse.projects.internal;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Projects as IATI 2.03 activities, written element by element to the response as they are read (StAX), in the
 * order the schema's sequences require: identifier, reporting organisation, title and description in the three
 * languages, participating organisations, status (from the IsDB stage), dates, recipient countries (ISO alpha-2,
 * IATI's Country codelist) and DAC sectors with their percentages.
 */
@Component
@EnableConfigurationProperties(IatiSettings.class)
class IatiExport {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	/** Projects read and written per round: the file streams, whatever the portfolio's size. */
	private static final int PAGE = 500;

	private final IatiSettings settings;

	private final Countries countries;

	private final Projects projects;

	private final Financing financing;

	private final Budgets budgets;

	private final ProjectResults results;

	private final ProjectDocuments documents;

	IatiExport(IatiSettings settings, Countries countries, Projects projects, Financing financing, Budgets budgets,
			ProjectResults results, ProjectDocuments documents) {
		this.settings = settings;
		this.countries = countries;
		this.projects = projects;
		this.financing = financing;
		this.budgets = budgets;
		this.results = results;
		this.documents = documents;
	}

	/** What one activity is written from. */
	record Activity(Projects.Project project, List<Financing.Transaction> transactions, List<Budgets.Budget> budgets,
			List<ProjectResults.Indicator> indicators, List<ProjectDocuments.Document> documents) {
	}

	/** The activity's IATI identifier: the reporting organisation's identifier, a hyphen, the project's code. */
	String identifier(Projects.Project project) {
		return settings.reportingOrgRef() + "-" + project.code();
	}

	/**
	 * The projects of these ids as one file, read {@value #PAGE} at a time with all they carry (a handful of queries
	 * per page, none per project) and written as they are read: memory holds one page, not the portfolio.
	 */
	void write(List<Long> ids, OutputStream out, java.time.Instant now) throws XMLStreamException {
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("iati-activities");
		xml.writeAttribute("version", "2.03");
		xml.writeAttribute("generated-datetime", DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)
			.atOffset(ZoneOffset.UTC)));
		for (int from = 0; from < ids.size(); from += PAGE) {
			List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
			java.util.Map<Long, List<Financing.Transaction>> transactions = financing.transactions(page);
			java.util.Map<Long, List<Budgets.Budget>> budgeted = budgets.ofProjects(page);
			java.util.Map<Long, List<ProjectResults.Indicator>> indicators = results.ofProjects(page);
			java.util.Map<Long, List<ProjectDocuments.Document>> documented = documents.ofProjects(page);
			for (Projects.Project project : projects.loadAll(page)) {
				activity(xml, new Activity(project, transactions.getOrDefault(project.id(), List.of()),
						budgeted.getOrDefault(project.id(), List.of()), indicators.getOrDefault(project.id(), List.of()),
						documented.getOrDefault(project.id(), List.of())));
			}
			xml.flush();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
		xml.close();
	}

	private void activity(XMLStreamWriter xml, Activity activity) throws XMLStreamException {
		Projects.Project project = activity.project();
		List<Financing.Transaction> transactions = activity.transactions();
		xml.writeStartElement("iati-activity");
		xml.writeAttribute("last-updated-datetime", DATE_TIME.format(project.updatedAt().truncatedTo(ChronoUnit.SECONDS)
			.atOffset(ZoneOffset.UTC)));
		xml.writeAttribute("xml:lang", "en");
		xml.writeAttribute("default-currency", "USD");
		xml.writeAttribute("hierarchy", project.kind().equals(Projects.Kind.PROGRAMME.name()) ? "1" : "2");
		text(xml, "iati-identifier", identifier(project));
		xml.writeStartElement("reporting-org");
		xml.writeAttribute("ref", settings.reportingOrgRef());
		xml.writeAttribute("type", settings.reportingOrgType());
		narrative(xml, null, settings.reportingOrgName());
		xml.writeEndElement();
		narratives(xml, "title", project.titles());
		xml.writeStartElement("description");
		xml.writeAttribute("type", "1");
		narrativesOf(xml, project.descriptions());
		xml.writeEndElement();
		for (Projects.Participant participant : project.organisations()) {
			xml.writeStartElement("participating-org");
			if (!participant.ref().isEmpty()) {
				xml.writeAttribute("ref", participant.ref());
			}
			xml.writeAttribute("type", participant.type());
			xml.writeAttribute("role", Integer.toString(participant.role()));
			narrative(xml, null, participant.name());
			if (participant.nameAr() != null && !participant.nameAr().isBlank()) {
				narrative(xml, "ar", participant.nameAr());
			}
			if (participant.nameFr() != null && !participant.nameFr().isBlank()) {
				narrative(xml, "fr", participant.nameFr());
			}
			xml.writeEndElement();
		}
		xml.writeEmptyElement("activity-status");
		xml.writeAttribute("code", Integer.toString(project.iatiStatus()));
		date(xml, "1", project.plannedStart());
		date(xml, "2", project.actualStart());
		date(xml, "3", project.plannedEnd());
		date(xml, "4", project.actualEnd());
		for (Projects.Share share : project.countries()) {
			xml.writeEmptyElement("recipient-country");
			xml.writeAttribute("code", countries.get(share.code()).iso2());
			xml.writeAttribute("percentage", share.percentage().toPlainString());
		}
		for (Projects.Location location : project.locations()) {
			location(xml, location);
		}
		for (Projects.Share share : project.sectors()) {
			xml.writeEmptyElement("sector");
			xml.writeAttribute("vocabulary", "1");
			xml.writeAttribute("code", share.code());
			xml.writeAttribute("percentage", share.percentage().toPlainString());
		}
		// IATI's FinanceType has no Islamic mode: each mode the project is financed by is a tag of the reporting
		// organisation's own vocabulary (99), beside the finance type every transaction carries.
		for (String mode : transactions.stream().map(Financing.Transaction::mode).distinct().sorted().toList()) {
			xml.writeStartElement("tag");
			xml.writeAttribute("vocabulary", "99");
			xml.writeAttribute("code", mode);
			narrative(xml, null, "Islamic finance mode: " + mode.toLowerCase(java.util.Locale.ROOT));
			xml.writeEndElement();
		}
		for (Budgets.Budget budget : activity.budgets()) {
			budget(xml, budget);
		}
		for (Financing.Transaction transaction : transactions) {
			xml.writeStartElement("transaction");
			xml.writeEmptyElement("transaction-type");
			xml.writeAttribute("code", Integer.toString(transaction.type()));
			xml.writeEmptyElement("transaction-date");
			xml.writeAttribute("iso-date", transaction.date().toString());
			xml.writeStartElement("value");
			xml.writeAttribute("currency", transaction.currency());
			xml.writeAttribute("value-date", transaction.date().toString());
			xml.writeCharacters(transaction.value().toPlainString());
			xml.writeEndElement();
			xml.writeStartElement("provider-org");
			if (!transaction.financierRef().isEmpty()) {
				xml.writeAttribute("ref", transaction.financierRef());
			}
			xml.writeAttribute("type", transaction.financierType());
			narrative(xml, null, transaction.financierName());
			xml.writeEndElement();
			xml.writeEmptyElement("finance-type");
			xml.writeAttribute("code", transaction.financeType());
			xml.writeEndElement();
		}
		for (ProjectDocuments.Document document : activity.documents()) {
			document(xml, project, document);
		}
		for (ProjectResults.Indicator indicator : activity.indicators()) {
			result(xml, indicator);
		}
		xml.writeEndElement();
	}

	/** A point in WGS 84, latitude then longitude as IATI's GML profile writes it. */
	private void location(XMLStreamWriter xml, Projects.Location location) throws XMLStreamException {
		xml.writeStartElement("location");
		narratives(xml, "name", location.names());
		xml.writeStartElement("administrative");
		xml.writeAttribute("vocabulary", "A4");
		xml.writeAttribute("code", countries.get(location.country()).iso2());
		xml.writeAttribute("level", "0");
		xml.writeEndElement();
		xml.writeStartElement("point");
		xml.writeAttribute("srsName", "http://www.opengis.net/def/crs/EPSG/0/4326");
		text(xml, "pos", location.latitude().toPlainString() + " " + location.longitude().toPlainString());
		xml.writeEndElement();
		xml.writeEmptyElement("exactness");
		xml.writeAttribute("code", Integer.toString(location.exactness()));
		xml.writeEndElement();
	}

	/** A budget (type 1 original, with its status) or a planned disbursement, valued on its period's first day. */
	private static void budget(XMLStreamWriter xml, Budgets.Budget budget) throws XMLStreamException {
		boolean planned = budget.kind().equals(Budgets.Kind.PLANNED_DISBURSEMENT.name());
		xml.writeStartElement(planned ? "planned-disbursement" : "budget");
		xml.writeAttribute("type", "1");
		if (!planned) {
			xml.writeAttribute("status", Integer.toString(budget.status()));
		}
		xml.writeEmptyElement("period-start");
		xml.writeAttribute("iso-date", budget.periodStart().toString());
		xml.writeEmptyElement("period-end");
		xml.writeAttribute("iso-date", budget.periodEnd().toString());
		xml.writeStartElement("value");
		xml.writeAttribute("currency", budget.currency());
		xml.writeAttribute("value-date", budget.periodStart().toString());
		xml.writeCharacters(budget.value().toPlainString());
		xml.writeEndElement();
		if (planned && !budget.financierName().isEmpty()) {
			xml.writeStartElement("provider-org");
			if (!budget.financierType().isEmpty()) {
				xml.writeAttribute("type", budget.financierType());
			}
			narrative(xml, null, budget.financierName());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void document(XMLStreamWriter xml, Projects.Project project, ProjectDocuments.Document document)
			throws XMLStreamException {
		xml.writeStartElement("document-link");
		xml.writeAttribute("url", settings.publicUrl() + "/api/v1/projects/" + project.id() + "/documents/"
				+ document.id());
		xml.writeAttribute("format", document.mediaType());
		narratives(xml, "title", document.titles());
		xml.writeEmptyElement("category");
		xml.writeAttribute("code", document.category());
		xml.writeEmptyElement("document-date");
		xml.writeAttribute("iso-date", document.date().toString());
		xml.writeEndElement();
	}

	/**
	 * One result per indicator. IATI's measure has no tonnes: quantities are unit (1), ratios percentage (2); the
	 * platform's own unit goes in the indicator's description. A year is a period from 1 January to 31 December.
	 */
	private static void result(XMLStreamWriter xml, ProjectResults.Indicator indicator) throws XMLStreamException {
		xml.writeStartElement("result");
		xml.writeAttribute("type", Integer.toString(indicator.resultType()));
		narratives(xml, "title", indicator.titles());
		xml.writeStartElement("indicator");
		xml.writeAttribute("measure", indicator.unit().equals(ProjectResults.Unit.PERCENT.name()) ? "2" : "1");
		xml.writeAttribute("ascending", Boolean.toString(indicator.ascending()));
		narratives(xml, "title", indicator.titles());
		xml.writeStartElement("description");
		narrative(xml, null, "Unit: " + indicator.unit().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
				+ (indicator.link().equals(ProjectResults.Link.NONE.name()) ? ""
						: "; actuals measured from the platform's data: " + indicator.link()
							.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
		xml.writeEndElement();
		xml.writeEmptyElement("baseline");
		xml.writeAttribute("year", Integer.toString(indicator.baselineYear()));
		xml.writeAttribute("value", indicator.baselineValue().toPlainString());
		for (ProjectResults.Period period : indicator.periods()) {
			xml.writeStartElement("period");
			xml.writeEmptyElement("period-start");
			xml.writeAttribute("iso-date", period.year() + "-01-01");
			xml.writeEmptyElement("period-end");
			xml.writeAttribute("iso-date", period.year() + "-12-31");
			if (period.target() != null) {
				xml.writeEmptyElement("target");
				xml.writeAttribute("value", period.target().toPlainString());
			}
			if (period.actual() != null) {
				xml.writeEmptyElement("actual");
				xml.writeAttribute("value", period.actual().toPlainString());
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void date(XMLStreamWriter xml, String type, LocalDate date) throws XMLStreamException {
		if (date != null) {
			xml.writeEmptyElement("activity-date");
			xml.writeAttribute("type", type);
			xml.writeAttribute("iso-date", date.toString());
		}
	}

	private static void narratives(XMLStreamWriter xml, String element, LocalizedText texts) throws XMLStreamException {
		xml.writeStartElement(element);
		narrativesOf(xml, texts);
		xml.writeEndElement();
	}

	/** The English narrative first (the activity's language), then Arabic and French marked with theirs. */
	private static void narrativesOf(XMLStreamWriter xml, LocalizedText texts) throws XMLStreamException {
		narrative(xml, null, texts.en());
		if (!texts.ar().isEmpty()) {
			narrative(xml, "ar", texts.ar());
		}
		if (!texts.fr().isEmpty()) {
			narrative(xml, "fr", texts.fr());
		}
	}

	private static void narrative(XMLStreamWriter xml, String lang, String text) throws XMLStreamException {
		xml.writeStartElement("narrative");
		if (lang != null) {
			xml.writeAttribute("xml:lang", lang);
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
