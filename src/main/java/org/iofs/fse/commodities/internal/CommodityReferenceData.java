package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.commodities.CommodityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.ReferenceFile;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the commodity catalogue in line with {@code reference/commodities.csv} at start-up, in one transaction:
 * commodities are added or updated when they differ, and each commodity's FAOSTAT item codes are replaced by the
 * file's. Running it again changes nothing. Every commodity it adds or changes is audited.
 */
@Component
public class CommodityReferenceData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CommodityReferenceData.class);

	static final String FILE = "commodities.csv";

	private static final Set<String> COLUMNS = Set.of("code", "kind", "food_group", "hs2022_heading", "hs2022_part",
			"qcl_item_codes", "fbs_item_codes", "kcal_per_kg", "kcal_source", "name_en", "name_fr", "name_ar");

	private static final String UPSERT = """
			INSERT INTO commodities.commodity (code, kind, food_group, hs2022_heading, hs2022_part, kcal_per_kg,
			    kcal_source, name_en, name_ar, name_fr)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET
			    kind = EXCLUDED.kind, food_group = EXCLUDED.food_group, hs2022_heading = EXCLUDED.hs2022_heading,
			    hs2022_part = EXCLUDED.hs2022_part, kcal_per_kg = EXCLUDED.kcal_per_kg,
			    kcal_source = EXCLUDED.kcal_source, name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar,
			    name_fr = EXCLUDED.name_fr, updated_at = now()
			WHERE (commodity.kind, commodity.food_group, commodity.hs2022_heading, commodity.hs2022_part,
			       commodity.kcal_per_kg, commodity.kcal_source, commodity.name_en, commodity.name_ar, commodity.name_fr)
			  IS DISTINCT FROM
			      (EXCLUDED.kind, EXCLUDED.food_group, EXCLUDED.hs2022_heading, EXCLUDED.hs2022_part,
			       EXCLUDED.kcal_per_kg, EXCLUDED.kcal_source, EXCLUDED.name_en, EXCLUDED.name_ar, EXCLUDED.name_fr)
			""";

	// Item codes are rewritten only where they differ, so an unchanged file leaves every row untouched.
	private static final String ITEMS_IN_FILE = """
			CREATE TEMPORARY TABLE faostat_item_in_file (
			    domain text, item_code integer, commodity_code text, position smallint) ON COMMIT DROP
			""";

	private static final String DELETE_STALE_ITEMS = """
			DELETE FROM commodities.faostat_item i
			WHERE NOT EXISTS (SELECT 1 FROM faostat_item_in_file f
			                  WHERE (f.domain, f.item_code, f.commodity_code, f.position)
			                      = (i.domain, i.item_code, i.commodity_code, i.position))
			""";

	private static final String INSERT_NEW_ITEMS = """
			INSERT INTO commodities.faostat_item (domain, item_code, commodity_code, position)
			SELECT domain, item_code, commodity_code, position FROM faostat_item_in_file
			ON CONFLICT DO NOTHING
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final CommodityRepository repository;

	private final AuditTrail audit;

	CommodityReferenceData(JdbcTemplate jdbc, TransactionTemplate transaction, CommodityRepository repository,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.repository = repository;
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Commodity> commodities = new ReferenceFile(FILE).read(COLUMNS, CommodityReferenceData::parse);
		int changed = transaction.execute(status -> {
			repository.forget();
			Map<String, Commodity> before = byCode(repository.findAll());
			int rows = upsert(commodities);
			repository.forget();
			if (rows > 0) {
				audit.recordChanges("reference.loaded", "commodity", before, byCode(repository.findAll()));
			}
			return rows;
		});
		// Read again after the commit, so that no reader keeps a copy taken inside the transaction.
		repository.forget();
		log.info("Commodities: {} in {}, {} rows added, updated or removed", commodities.size(), FILE, changed);
	}

	private int upsert(List<Commodity> commodities) {
		int changed = sum(jdbc.batchUpdate(UPSERT, commodities, commodities.size(), (ps, c) -> {
			ps.setString(1, c.code());
			ps.setString(2, c.kind().name());
			ps.setString(3, c.foodGroup());
			ps.setString(4, c.hs2022Heading());
			ps.setBoolean(5, c.hs2022Part());
			ps.setObject(6, c.kcalPerKg());
			ps.setString(7, c.kcalSource());
			ps.setString(8, c.names().en());
			ps.setString(9, c.names().ar());
			ps.setString(10, c.names().fr());
		}));
		List<Object[]> items = new ArrayList<>();
		for (Commodity c : commodities) {
			addItems(items, FaostatDomain.QCL, c.qclItemCodes(), c.code());
			addItems(items, FaostatDomain.FBS, c.fbsItemCodes(), c.code());
		}
		jdbc.execute(ITEMS_IN_FILE);
		jdbc.batchUpdate("INSERT INTO faostat_item_in_file VALUES (?, ?, ?, ?)", items);
		changed += jdbc.update(DELETE_STALE_ITEMS);
		changed += jdbc.update(INSERT_NEW_ITEMS);
		return changed;
	}

	private static void addItems(List<Object[]> items, FaostatDomain domain, List<Integer> codes, String commodity) {
		for (int position = 0; position < codes.size(); position++) {
			items.add(new Object[] { domain.name(), codes.get(position), commodity, (short) position });
		}
	}

	private static int sum(int[][] counts) {
		return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(n -> Math.max(n, 0)).sum();
	}

	private static Map<String, Commodity> byCode(List<Commodity> commodities) {
		return commodities.stream().collect(Collectors.toMap(Commodity::code, Function.identity()));
	}

	static Commodity parse(NamedCsvRecord row) {
		String kcal = row.getField("kcal_per_kg");
		return new Commodity(row.getField("code"), CommodityKind.valueOf(row.getField("kind")),
				blankToNull(row.getField("food_group")), row.getField("hs2022_heading"),
				Boolean.parseBoolean(row.getField("hs2022_part")), codes(row.getField("qcl_item_codes")),
				codes(row.getField("fbs_item_codes")), kcal.isBlank() ? null : Integer.valueOf(kcal),
				blankToNull(row.getField("kcal_source")),
				new LocalizedText(row.getField("name_en"), row.getField("name_ar"), row.getField("name_fr")));
	}

	private static List<Integer> codes(String field) {
		return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::trim).map(Integer::valueOf).toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
