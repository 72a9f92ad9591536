package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price unit as written by the source ("90 KG", "500 G", "3.5 KG", "L", "Dozen"), parsed into a quantity of a
 * base unit (kg, l, piece, ...) so that prices per kg or per litre compare across sack sizes. The text is kept as
 * written; a unit that cannot be parsed has no quantity and its prices are compared only with the same unit.
 */
public record PriceUnit(String text, BigDecimal quantity, String baseUnit) {

	private static final Pattern AMOUNT = Pattern.compile("^(\\d+(?:[.,]\\d+)?)?\\s*([\\p{L}. /]+?)\\.?$");

	/** Unit words to (base unit, how many base units one of them is). */
	private static final Map<String, Object[]> UNITS = Map.ofEntries(
			Map.entry("kg", new Object[] { "kg", "1" }), Map.entry("g", new Object[] { "kg", "0.001" }),
			Map.entry("mt", new Object[] { "kg", "1000" }), Map.entry("tonne", new Object[] { "kg", "1000" }),
			Map.entry("lb", new Object[] { "kg", "0.45359237" }), Map.entry("pound", new Object[] { "kg", "0.45359237" }),
			Map.entry("l", new Object[] { "l", "1" }), Map.entry("litre", new Object[] { "l", "1" }),
			Map.entry("liter", new Object[] { "l", "1" }), Map.entry("ml", new Object[] { "l", "0.001" }),
			Map.entry("gallon", new Object[] { "l", "3.785411784" }),
			Map.entry("unit", new Object[] { "piece", "1" }), Map.entry("piece", new Object[] { "piece", "1" }),
			Map.entry("pcs", new Object[] { "piece", "1" }), Map.entry("dozen", new Object[] { "piece", "12" }),
			Map.entry("head", new Object[] { "head", "1" }), Map.entry("day", new Object[] { "day", "1" }),
			Map.entry("cubic meter", new Object[] { "m3", "1" }), Map.entry("bunch", new Object[] { "bunch", "1" }),
			Map.entry("loaf", new Object[] { "piece", "1" }), Map.entry("month", new Object[] { "month", "1" }));

	public static PriceUnit parse(String text) {
		String unit = text == null ? "" : text.strip();
		Matcher matcher = AMOUNT.matcher(unit.toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			Object[] base = UNITS.get(matcher.group(2).strip());
			if (base != null) {
				BigDecimal amount = matcher.group(1) == null ? BigDecimal.ONE
						: new BigDecimal(matcher.group(1).replace(',', '.'));
				if (amount.signum() > 0) {
					return new PriceUnit(unit, amount.multiply(new BigDecimal((String) base[1])).stripTrailingZeros(),
							(String) base[0]);
				}
			}
		}
		return new PriceUnit(unit, null, null);
	}

	public boolean parsed() {
		return quantity != null;
	}

}
