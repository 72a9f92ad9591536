package org.iofs.fse.projects;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every IATI file the platform writes must pass: the official 2.03 schema (the JDK's validator), IATI's
 * codelists for every code, and the rules the schema leaves out (identifier prefix, percentages summing to 100,
 * a start date, dates in order, no actual date ahead, budget periods of at most a year).
 */
public final class IatiChecks {

	public static final Path IATI = Path.of("..", "shared", "data", "iati");

	private IatiChecks() {
	}

	public static void validate(Source xml) throws Exception {
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(IATI.resolve("iati-activities-schema.xsd").toFile())
			.newValidator()
			.validate(xml);
	}

	public static File schema() {
		return IATI.resolve("iati-activities-schema.xsd").toFile();
	}

	/** Every code of this element's attribute (when the document has the element at all) is in the codelist. */
	public static void assertCodes(Document document, String element, String attribute, String codelist)
			throws Exception {
		Set<String> known = codes(codelist);
		NodeList nodes = document.getElementsByTagName(element);
		List<String> used = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			String code = ((Element) nodes.item(i)).getAttribute(attribute);
			if (!code.isEmpty()) {
				used.add(code);
			}
		}
		assertThat(used).as(element + "/@" + attribute + " in " + codelist).isNotEmpty().allMatch(known::contains);
	}

	public static Set<String> codes(String codelist) throws Exception {
		Matcher matcher = Pattern.compile("<code>([^<]+)</code>")
			.matcher(Files.readString(IATI.resolve("codelists").resolve(codelist + ".xml")));
		Set<String> codes = new HashSet<>();
		while (matcher.find()) {
			codes.add(matcher.group(1).strip());
		}
		return codes;
	}

	/** IATI's rules the schema does not check, activity by activity. */
	public static void assertRules(Document document, LocalDate today) {
		NodeList activities = document.getElementsByTagName("iati-activity");
		assertThat(activities.getLength()).isPositive();
		for (int i = 0; i < activities.getLength(); i++) {
			Element activity = (Element) activities.item(i);
			String reporting = ((Element) activity.getElementsByTagName("reporting-org").item(0)).getAttribute("ref");
			String identifier = activity.getElementsByTagName("iati-identifier").item(0).getTextContent();
			assertThat(identifier).as("identifier starts with the reporting organisation").startsWith(reporting + "-");
			assertThat(sum(activity, "recipient-country")).as(identifier + " countries").isEqualByComparingTo("100");
			assertThat(sum(activity, "sector")).as(identifier + " sectors").isEqualByComparingTo("100");
			Map<String, LocalDate> dates = new HashMap<>();
			NodeList dateElements = activity.getElementsByTagName("activity-date");
			for (int d = 0; d < dateElements.getLength(); d++) {
				Element date = (Element) dateElements.item(d);
				dates.put(date.getAttribute("type"), LocalDate.parse(date.getAttribute("iso-date")));
			}
			assertThat(dates.keySet()).as(identifier + " has a start, planned or actual").containsAnyOf("1", "2");
			if (dates.containsKey("1") && dates.containsKey("3")) {
				assertThat(dates.get("1")).isBeforeOrEqualTo(dates.get("3"));
			}
			if (dates.containsKey("2") && dates.containsKey("4")) {
				assertThat(dates.get("2")).isBeforeOrEqualTo(dates.get("4"));
			}
			for (String actual : List.of("2", "4")) {
				if (dates.containsKey(actual)) {
					assertThat(dates.get(actual)).as("no actual date in the future").isBeforeOrEqualTo(today);
				}
			}
			for (String budgetLike : List.of("budget", "planned-disbursement")) {
				NodeList budgets = activity.getElementsByTagName(budgetLike);
				for (int b = 0; b < budgets.getLength(); b++) {
					Element budget = (Element) budgets.item(b);
					LocalDate start = LocalDate.parse(((Element) budget.getElementsByTagName("period-start").item(0))
						.getAttribute("iso-date"));
					LocalDate end = LocalDate.parse(((Element) budget.getElementsByTagName("period-end").item(0))
						.getAttribute("iso-date"));
					assertThat(end).as(identifier + " " + budgetLike + " period").isAfterOrEqualTo(start)
						.isBefore(start.plusYears(1));
				}
			}
		}
	}

	private static BigDecimal sum(Element activity, String element) {
		BigDecimal sum = BigDecimal.ZERO;
		NodeList nodes = activity.getElementsByTagName(element);
		for (int i = 0; i < nodes.getLength(); i++) {
			sum = sum.add(new BigDecimal(((Element) nodes.item(i)).getAttribute("percentage")));
		}
		return sum;
	}

}
