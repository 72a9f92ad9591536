package org.iofs.fse.trade.internal;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The board's rows and its filters' options as HTML, each written in one pass over what the reader sees
 * ({@link BoardLines}); the board's template puts them in its table and its lists as they are. Every text is escaped
 * here, as the template's {@code th:text} would.
 * <p>
 * Why not the template: a page of fifty rows asked the expression language nineteen times a row, and those nine
 * hundred and fifty evaluations (each with Thymeleaf's check that no expression reaches a forbidden class) added 4 to
 * 5 ms of the platform's processor time to a board page of 5.6 to 7.3 ms; after them, Thymeleaf's loops, most of
 * them over the filters' ninety options (three expressions each), were 44 % of its samples for the page
 * (bench/README.md, the IFPA board).
 * The layout, the labels and the column heads stay in the template.
 */
final class BoardHtml {

	private static final String ENCODING = "UTF-8";

	private BoardHtml() {
	}

	/**
	 * @param contextPath the platform's address prefix (empty at the root), for the offers' and companies' links
	 * @param demoBadge the words of the badge on demo offers, in the reader's language
	 */
	static String rows(List<BoardLines.Line> lines, String contextPath, String demoBadge) {
		StringBuilder html = new StringBuilder(lines.size() * 900);
		String badge = " <span class=\"badge text-bg-warning\">" + escape(demoBadge) + "</span>";
		String prefix = escape(contextPath);
		for (BoardLines.Line line : lines) {
			html.append("<tr data-offer=\"").append(line.id()).append("\">\n<td><span class=\"badge ")
				.append(line.sell() ? "text-bg-success" : "text-bg-primary").append("\">")
				.append(escape(line.side())).append("</span>");
			if (line.demo()) {
				html.append(badge);
			}
			html.append("</td>\n<td><a href=\"").append(prefix).append("/trade/offers/").append(line.id()).append("\">")
				.append(escape(line.commodity())).append("</a> <code class=\"small\">").append(escape(line.hsCode()))
				.append("</code></td>\n<td><a href=\"").append(prefix).append("/trade/companies/")
				.append(line.companyId()).append("\">").append(escape(line.company()))
				.append("</a><div class=\"small text-body-secondary\">").append(escape(line.country()))
				.append("</div></td>\n<td class=\"text-end text-nowrap\">").append(escape(line.openTonnes()))
				.append("</td>\n<td class=\"text-end text-nowrap\"><span>").append(escape(line.price()))
				.append("</span> <code>").append(escape(line.currency())).append("</code></td>\n")
				.append("<td class=\"text-nowrap\"><code>").append(escape(line.incoterm()))
				.append("</code> <bdi dir=\"auto\">").append(escape(line.place())).append("</bdi></td>\n")
				.append("<td class=\"text-nowrap small\">").append(escape(line.window())).append("</td>\n")
				.append("<td class=\"text-nowrap small\">").append(escape(line.validUntil())).append("</td>\n</tr>\n");
		}
		return html.toString();
	}

	/** The options of a filter's list, the chosen one selected. */
	static String options(List<BoardLines.Choice> choices) {
		StringBuilder html = new StringBuilder(choices.size() * 48);
		for (BoardLines.Choice choice : choices) {
			html.append("<option value=\"").append(escape(choice.value())).append('"')
				.append(choice.selected() ? " selected>" : ">").append(escape(choice.label())).append("</option>\n");
		}
		return html.toString();
	}

	/** The characters HTML gives a meaning to (&, <, >, " and '), as entities; the rest as they are. */
	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, ENCODING);
	}

}
