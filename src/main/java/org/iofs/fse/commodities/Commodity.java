package org.iofs.fse.commodities;

import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

/**
 * A commodity or food-balance group. {@code kcalPerKg} is null for groups, whose energy depends on their mix and
 * is summed from their items; {@code hs2022Part} marks a heading the commodity covers only in part (dates are
 * one subheading of 0804).
 */
public record Commodity(String code, CommodityKind kind, String foodGroup, String hs2022Heading, boolean hs2022Part,
		List<Integer> qclItemCodes, List<Integer> fbsItemCodes, Integer kcalPerKg, String kcalSource,
		LocalizedText names) implements Named {

	public Commodity {
		qclItemCodes = List.copyOf(qclItemCodes);
		fbsItemCodes = List.copyOf(fbsItemCodes);
	}

	@Override
	public String name(Locale locale) {
		return names.in(locale);
	}

}
