package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.foodbalance.internal.Indicator;
import org.iofs.fse.foodbalance.entry.DraftSheet;
import org.iofs.fse.foodbalance.entry.NationalEntry;
import org.iofs.fse.foodbalance.importing.ImportReport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible string exists in English, Arabic and French, and every key a template names exists. */
class MessageBundlesTest {

	static final Path BUNDLES = Path.of("src/main/resources/messages");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)' \\+ \\$\\{(\\w+)\\}(?: \\+ '([A-Za-z0-9_.]*)')?\\}");

	static final Pattern LITERAL_LIST = Pattern.compile("th:each=\"(\\w+)(?:, \\w+)? : \\$\\{ \\{([^}]*)\\} \\}\"");

	// Words that are the same in several languages: codes, acronyms and the languages' own names.
	static final Set<String> SAME_AS_ENGLISH_IN_ARABIC = Set.of("strategy.none", "engagements.commitment.line", "engagements.action.commentLine", "projects.document.line", "language.en", "language.ar", "language.fr", "entry.heading",
			"countries.column.iso3", "country.field.iso3", "country.field.iso2", "country.field.m49",
			"country.field.coordinates", "allocation.priority.2", "allocation.priority.3", "allocation.priority.4",
			"digits.western");

	static final Set<String> SAME_AS_ENGLISH_IN_FRENCH = Set.of("effect.percent", "signals.percent", "signals.projects", "strategy.none", "strategy.tonnes", "strategy.km", "strategy.percent", "strategy.col.transit", "strategy.col.note", "strategy.projects", "strategy.col.distance", "engagements.form.organisation", "nav.engagements", "engagements.title", "engagements.ecosystem.IFPA", "engagements.participants", "engagements.memorandum.parties",
			"projects.interest.note", "projects.result.type.3", "projects.unit.TONNES", "projects.unit.PERCENT", "projects.actualSource", "projects.documents", "projects.document.line", "projects.document.category.A04", "projects.document.category.A05", "projects.proposal.topic.DATES", "projects.proposal.topic.DESCRIPTION", "projects.opportunity.DUE_DILIGENCE", "projects.opportunity.TERM_SHEET",
			"language.en", "trade.company.sites", "projects.transaction.date", "projects.transaction.mode",
			"projects.kind.PROGRAMME", "projects.valueChain.PRODUCTION", "projects.stage.IDENTIFICATION", "projects.mode.IJARA",
			"projects.mode.SALAM", "projects.mode.ISTISNAA", "projects.organisations", "projects.share", "trade.matches.transit", "trade.form.quantity", "trade.form.destination",
			"trade.company.contacts", "trade.company.documents", "trade.document.kind.LICENCE", "trade.document.sha256", "language.ar", "language.fr", "nav.api",
			"digits.western", "digits.native",
			"countries.column.iso3", "country.field.iso3", "country.field.iso2", "country.field.m49", "country.field.fao",
			"country.field.codes", "commodity.field.code", "country.field.coordinates", "pager.label", "nav.administration", "imports.file", "element.5511",
			"sheet.population", "commodityBalance.percent", "entry.heading", "prices.column.ipa", "prices.column.alps",
			"prices.percent", "prices.band.ipa.NORMAL", "prices.band.alps.NORMAL", "hub.kind.SILO", "hub.timeline.tonnes",
			"hub.lots", "hub.lot", "hub.ledger.when", "hub.ledger.tonnes", "releases.justification", "release.mode", "release.mode.RAIL", "release.mode.AIR",
			"nav.allocation", "allocation.priority.2", "allocation.priority.3", "allocation.priority.4", "allocation.plan",
			"allocation.planTitle", "allocation.downloadSolution", "allocation.mapTonnes", "allocation.route",
			"allocation.mode", "allocation.mode.RAIL", "allocation.routes", "allocation.routes.count",
			"allocation.point.code", "allocation.point.kind.PORT", "allocation.point.latitude",
			"allocation.point.longitude", "notifications.title", "nav.notifications", "trade.tonnes", "trade.destination", "finance.mode",
			"finance.note", "finance.tonnesOf", "finance.dueOn", "finance.total", "finance.mode.SALAM", "finance.mode.ISTISNAA",
			"finance.mode.IJARA");

	final Properties english = load("messages.properties");

	final Properties arabic = load("messages_ar.properties");

	final Properties french = load("messages_fr.properties");

	@Test
	void theThreeBundlesHaveTheSameKeys() {
		assertThat(new TreeSet<>(arabic.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		assertThat(new TreeSet<>(french.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			keysIn(html).stream()
				.filter(key -> !english.containsKey(key))
				.forEach(key -> missing.add(TEMPLATES.relativize(template) + ": " + key));
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownOnAPageHasItsMessages() {
		Stream.of(Arrays.stream(OicGroup.values()).map(OicGroup::messageKey),
				Arrays.stream(IofsStatus.values()).map(IofsStatus::messageKey),
				Arrays.stream(CommodityKind.values()).map(CommodityKind::messageKey),
				Arrays.stream(SupportedLanguage.values()).map(l -> "language." + l.code()),
				NationalEntry.ELEMENTS.stream().map(e -> "element." + e),
				Arrays.stream(DraftSheet.Status.values()).map(DraftSheet.Status::messageKey),
				Arrays.stream(Indicator.values()).map(Indicator::messageKey),
				Arrays.stream(ImportReport.Outcome.values()).map(o -> "imports.outcome." + o.name()),
				Stream.of("404", "403", "generic").flatMap(kind -> Stream.of("error." + kind + ".title", "error." + kind + ".text")))
			.flatMap(s -> s)
			.forEach(key -> assertThat(english).containsKey(key));
	}

	/** The audit trail names each action in the reader's language: every action the code records has its name. */
	@Test
	void everyAuditedActionHasItsName() throws IOException {
		Pattern recorded = Pattern.compile("audit\\.record(?:Changes)?\\(\\s*\"([a-z-]+\\.[a-z-]*[a-z])\"");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = recorded.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!english.containsKey("audit.action." + matcher.group(1))) {
						missing.add(source.getFileName() + ": audit.action." + matcher.group(1));
					}
				}
			}
		}
		Stream.concat(Arrays.stream(DraftSheet.Status.values())
				.map(status -> "audit.action.foodbalance.sheet-" + status.name().toLowerCase(java.util.Locale.ROOT)),
				Arrays.stream(org.iofs.fse.reserves.internal.ReleaseStatus.values())
					.map(status -> "audit.action.reserves.release-" + status.name().toLowerCase(java.util.Locale.ROOT)))
			.filter(key -> !english.containsKey(key))
			.forEach(missing::add);
		assertThat(missing).isEmpty();
	}

	@Test
	void arabicAndFrenchAreTranslationsNotCopies() {
		for (String key : english.stringPropertyNames()) {
			String en = english.getProperty(key);
			if (!SAME_AS_ENGLISH_IN_ARABIC.contains(key)) {
				assertThat(arabic.getProperty(key)).as("Arabic " + key).matches("(?s).*\\p{IsArabic}.*");
			}
			if (!SAME_AS_ENGLISH_IN_FRENCH.contains(key)) {
				assertThat(french.getProperty(key)).as("French " + key).isNotEqualTo(en);
			}
		}
	}

	@Test
	void messagesWithArgumentsEscapeTheirApostrophes() {
		for (Properties bundle : List.of(english, arabic, french)) {
			bundle.forEach((key, value) -> {
				String text = (String) value;
				if (text.contains("{0}")) {
					assertThat(text.replace("''", "")).as(key + " (MessageFormat drops a lone apostrophe)")
						.doesNotContain("'");
				}
			});
		}
	}

	@Test
	void messagesWithoutArgumentsKeepSingleApostrophes() {
		for (Properties bundle : List.of(english, arabic, french)) {
			bundle.forEach((key, value) -> {
				String text = (String) value;
				if (!text.contains("{0}")) {
					assertThat(text).as(key + " (shown as written: a doubled apostrophe shows doubled)").doesNotContain("''");
				}
			});
		}
	}

	private Set<String> keysIn(String html) {
		Set<String> keys = new TreeSet<>();
		Matcher plain = STATIC_KEY.matcher(html);
		while (plain.find()) {
			keys.add(plain.group(1));
		}
		Map<String, List<String>> lists = new HashMap<>();
		Matcher list = LITERAL_LIST.matcher(html);
		while (list.find()) {
			lists.merge(list.group(1), Arrays.stream(list.group(2).split(","))
				.map(s -> s.trim().replace("'", ""))
				.toList(), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
		}
		Matcher dynamic = DYNAMIC_KEY.matcher(html);
		while (dynamic.find()) {
			String suffix = dynamic.group(3) == null ? "" : dynamic.group(3);
			for (String value : lists.getOrDefault(dynamic.group(2), List.of())) {
				keys.add(dynamic.group(1) + value + suffix);
			}
		}
		return keys;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
