package org.iofs.fse.trade.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.web.NameOrder;
import org.iofs.fse.shared.web.PageSupport;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The board's rows and filter choices, written out in the reader's language before the template draws them.
 * <p>
 * Why: the template drew each of fifty rows from a dozen method calls with arguments (a name looked up in a map
 * and asked for in a language, dates and numbers formatted), and each such call costs the expression language a
 * reflective lookup of its arguments' types; drawing the board took most of its answer time. A row of plain
 * texts is read as properties, whose accessors the expression language keeps.
 */
@Component
class BoardLines {

	/** One row of the board: every text as the reader sees it. */
	record Line(long id, boolean sell, String side, boolean demo, String commodity, String hsCode, UUID companyId,
			String company, String country, String openTonnes, String price, String currency, String incoterm,
			String place, String window, String validUntil) {
	}

	/** An option of a filter: its value, its label in the reader's language, and whether it is the one chosen. */
	record Choice(String value, String label, boolean selected) {
	}

	private final Commodities commodities;

	private final Countries countries;

	private final NameOrder byName;

	private final PageSupport page;

	private final MessageSource messages;

	private final Companies companies;

	/**
	 * The rows of each board answer as HTML, by language and address prefix, written once: a kept answer is the same
	 * object until it is forgotten ({@link BoardAnswers}), and its rows go with it (the answer is held weakly).
	 */
	private final Cache<PageOf<Offers.Offer>, Map<String, String>> rows;

	/** The filters' options as HTML, by list, language and choice; the names they show are reference data. */
	private final Cache<String, String> options;

	BoardLines(Commodities commodities, Countries countries, NameOrder byName, PageSupport page,
			MessageSource messages, Companies companies, BoardAnswers.Settings settings) {
		this.commodities = commodities;
		this.countries = countries;
		this.byName = byName;
		this.page = page;
		this.messages = messages;
		this.companies = companies;
		this.rows = Caffeine.newBuilder().weakKeys().maximumSize(Math.max(settings.answers(), 1))
			.executor(Runnable::run).build();
		this.options = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(settings.keepFor())
			.executor(Runnable::run).build();
	}

	/**
	 * The answer's rows as the board's HTML in the reader's language ({@link BoardHtml}), with its companies' names
	 * as they were when the answer was read (a company's change of name forgets the answers).
	 */
	String rows(PageOf<Offers.Offer> answer, String contextPath) {
		String key = LocaleContextHolder.getLocale().toLanguageTag() + ' ' + contextPath;
		return rows.get(answer, kept -> new ConcurrentHashMap<>()).computeIfAbsent(key,
				k -> html(of(answer.items(), companies.names(answer.items().stream().map(Offers.Offer::company)
					.toList())), contextPath));
	}

	/** A filter's options as HTML in the reader's language ({@link BoardHtml}), the chosen one selected. */
	String options(String list, String chosen, Function<String, List<Choice>> choices) {
		if (chosen != null && chosen.length() > 16) {
			// No list has so long a value: nothing is selected, and such a question is not kept.
			return BoardHtml.options(choices.apply(chosen));
		}
		String key = list + ' ' + LocaleContextHolder.getLocale().toLanguageTag() + ' '
				+ (chosen == null ? "" : chosen.strip().toUpperCase(Locale.ROOT));
		return options.get(key, k -> BoardHtml.options(choices.apply(chosen)));
	}

	List<Line> of(List<Offers.Offer> offers, Map<UUID, Companies.CompanyName> companies) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Commodity> commodityIndex = commodities.all().stream()
			.collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a));
		Map<String, Country> countryIndex = countries.all().stream()
			.collect(Collectors.toMap(Country::iso3, Function.identity()));
		List<Line> lines = new ArrayList<>(offers.size());
		for (Offers.Offer o : offers) {
			Companies.CompanyName company = companies.get(o.company());
			Commodity commodity = commodityIndex.get(o.commodity());
			Country country = company == null ? null : countryIndex.get(company.country());
			lines.add(new Line(o.id(), "SELL".equals(o.side()),
					messages.getMessage("trade.side." + o.side(), null, locale), o.demo(),
					commodity == null ? o.commodity() : commodity.name(locale), o.hsCode(), o.company(),
					company == null ? "" : company.name(locale), country == null ? "" : country.name(locale),
					page.decimal(o.openTonnes(), 0), page.decimal(o.pricePerTonne(), 2), o.currency(), o.incoterm(),
					o.incotermPlace(),
					messages.getMessage("trade.window",
							new Object[] { page.date(o.deliveryFrom()), page.date(o.deliveryUntil()) }, locale),
					page.date(o.validUntil())));
		}
		return lines;
	}

	/** The rows as the board's HTML, in the reader's language ({@link BoardHtml}). */
	String html(List<Line> lines, String contextPath) {
		return BoardHtml.rows(lines, contextPath,
				messages.getMessage("prices.demoBadge", null, LocaleContextHolder.getLocale()));
	}

	/** Offers to sell and requests to buy, in the reader's language, the chosen one marked. */
	List<Choice> sideChoices(String chosen) {
		Locale locale = LocaleContextHolder.getLocale();
		return choices(List.of(Offers.Side.values()), Offers.Side::name,
				side -> messages.getMessage("trade.side." + side.name(), null, locale), chosen);
	}

	/** The Incoterms 2020 rules, by their codes, the chosen one marked. */
	List<Choice> incotermChoices(String chosen) {
		return choices(List.of(Incoterm.values()), Incoterm::name, Incoterm::name, chosen);
	}

	/** The commodities one can trade, by name, the chosen one marked. */
	List<Choice> commodityChoices(String chosen) {
		Locale locale = LocaleContextHolder.getLocale();
		return choices(byName.sorted(commodities.all()).stream().filter(c -> c.kind() == CommodityKind.COMMODITY)
			.toList(), Commodity::code, c -> c.name(locale), chosen);
	}

	/** The member states, by name, the chosen one marked. */
	List<Choice> memberChoices(String chosen) {
		Locale locale = LocaleContextHolder.getLocale();
		return choices(byName.sorted(countries.all()), Country::iso3, c -> c.name(locale), chosen);
	}

	private static <T> List<Choice> choices(Collection<T> items, Function<T, String> value,
			Function<T, String> label, String chosen) {
		List<Choice> choices = new ArrayList<>(items.size());
		for (T item : items) {
			String code = value.apply(item);
			choices.add(new Choice(code, label.apply(item), code.equalsIgnoreCase(chosen == null ? "" : chosen.strip())));
		}
		return choices;
	}

}
