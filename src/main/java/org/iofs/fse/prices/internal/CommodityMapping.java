package org.iofs.fse.prices.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping of source commodity names ("Wheat flour", "Rice (imported)") to platform commodities. Imports map a
 * newly met name by the first matching rule; administrators correct or complete the mapping here, audited. Alerts
 * already raised keep the commodity they were raised under.
 */
@Service
public class CommodityMapping {

	public record SourceCommodity(int id, String name, String category, Integer wfpCommodityId, String commodity,
			String mappedBy, long series) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Commodities commodities;

	CommodityMapping(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Commodities commodities) {
		this.jdbc = jdbc;
		this.access = access;
		this.commodities = commodities;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<SourceCommodity> all() {
		access.require(Action.EDIT_REFERENCE_DATA);
		return jdbc.sql("""
				SELECT c.id, c.name, c.category, c.wfp_commodity_id, c.commodity_code, c.mapped_by,
				       (SELECT count(*) FROM prices.series s WHERE s.source_commodity_id = c.id) AS series
				FROM prices.source_commodity c ORDER BY c.commodity_code IS NOT NULL, c.name
				""").query((rs, n) -> new SourceCommodity(rs.getInt("id"), rs.getString("name"), rs.getString("category"),
				(Integer) rs.getObject("wfp_commodity_id"), rs.getString("commodity_code"), rs.getString("mapped_by"),
				rs.getLong("series"))).list();
	}

	/** Maps a source commodity to a platform commodity, or unmaps it when the code is blank. */
	@Transactional
	public void map(int id, String commodityCode) {
		Caller caller = access.require(Action.EDIT_REFERENCE_DATA);
		String code = commodityCode == null || commodityCode.isBlank() ? null : commodities.get(commodityCode).code();
		Map<String, Object> before = jdbc.sql("SELECT name, commodity_code FROM prices.source_commodity WHERE id = :id")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("source commodity", Integer.toString(id)));
		jdbc.sql("""
				UPDATE prices.source_commodity SET commodity_code = :code, mapped_by = :user, updated_at = now()
				WHERE id = :id
				""").param("code", code).param("user", caller.username()).param("id", id).update();
		Map<String, Object> after = new HashMap<>();
		after.put("name", before.get("name"));
		after.put("commodity_code", code);
		audit.record("prices.commodity-mapped", "source-commodity", id, before, after);
	}

}
