package org.iofs.fse.trade.internal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoardHtmlTest {

	private static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

	@Test
	void everyTextIsEscapedAndNothingElse() {
		BoardLines.Line line = new BoardLines.Line(7, true, "عرض بيع", false, "Blé <b>dur</b>", "1001", COMPANY,
				"<script>alert('x')</script> & \"Co\"", "Côte d’Ivoire", "1 200", "250.00", "USD", "FOB",
				"Abidjan <port>", "1 – 30 janv. 2027", "15 janv. 2027");

		String html = BoardHtml.rows(List.of(line), "/fse", "Demo");

		assertThat(html).contains("data-offer=\"7\"")
			.contains("<span class=\"badge text-bg-success\">عرض بيع</span>")
			.contains("<a href=\"/fse/trade/offers/7\">Blé &lt;b&gt;dur&lt;/b&gt;</a>")
			.contains("<a href=\"/fse/trade/companies/" + COMPANY + "\">"
					+ "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</a>")
			.contains("Côte d’Ivoire")
			.contains("<bdi dir=\"auto\">Abidjan &lt;port&gt;</bdi>")
			.doesNotContain("<script>")
			.doesNotContain("<b>")
			.doesNotContain("text-bg-warning");
	}

	@Test
	void requestsToBuyAndDemoOffersAreMarked() {
		BoardLines.Line line = new BoardLines.Line(8, false, "Request to buy", true, "Rice", "1006", COMPANY, "Noor",
				"Senegal", "500", "410.00", "USD", "CIF", "Dakar", "window", "valid");

		String html = BoardHtml.rows(List.of(line), "", "Demo <data>");

		assertThat(html).contains("<span class=\"badge text-bg-primary\">Request to buy</span>")
			.contains("<span class=\"badge text-bg-warning\">Demo &lt;data&gt;</span>")
			.contains("<a href=\"/trade/offers/8\">Rice</a>");
		assertThat(BoardHtml.rows(List.of(), "", "Demo")).isEmpty();
	}

	@Test
	void theChosenOptionIsSelectedAndLabelsAreEscaped() {
		String html = BoardHtml.options(List.of(new BoardLines.Choice("CIV", "Côte d'Ivoire", false),
				new BoardLines.Choice("SEN", "Sénégal <b>", true)));

		assertThat(html).isEqualTo("<option value=\"CIV\">Côte d&#39;Ivoire</option>\n"
				+ "<option value=\"SEN\" selected>Sénégal &lt;b&gt;</option>\n");
	}

}
