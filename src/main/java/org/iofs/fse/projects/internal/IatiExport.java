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

	private final IatiSettings settings;

	private final Countries countries;

	IatiExport(IatiSettings settings, Countries countries) {
		this.settings = settings;
		this.countries = countries;
	}

	/** The activity's IATI identifier: the reporting organisation's identifier, a hyphen, the project's code. */
	String identifier(Projects.Project project) {
		return settings.reportingOrgRef() + "-" + project.code();
	}

	void write(List<Projects.Project> projects, java.util.Map<Long, List<Financing.Transaction>> transactions,
			OutputStream out, java.time.Instant now) throws XMLStreamException {
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("iati-activities");
		xml.writeAttribute("version", "2.03");
		xml.writeAttribute("generated-datetime", DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)
			.atOffset(ZoneOffset.UTC)));
		for (Projects.Project project : projects) {
			activity(xml, project, transactions.getOrDefault(project.id(), List.of()));
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
		xml.close();
	}

	private void activity(XMLStreamWriter xml, Projects.Project project, List<Financing.Transaction> transactions)
			throws XMLStreamException {
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
