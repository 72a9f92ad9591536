package org.iofs.fse.projects;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a project: whether it exists and its titles, so that they can point at it (an
 * engagement about a project), and the published projects of a commodity, public as the portfolio is. Its content
 * stays behind the projects module's own access rules.
 */
@Service
public class ProjectDirectory {

	private final JdbcClient jdbc;

	ProjectDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<LocalizedText> titles(long id) {
		return jdbc.sql("SELECT title_en, title_ar, title_fr FROM projects.project WHERE id = :id").param("id", id)
			.query((rs, row) -> new LocalizedText(rs.getString("title_en"), rs.getString("title_ar"),
					rs.getString("title_fr")))
			.optional();
	}

	/** A published project in a list: its titles, its stage in the IsDB cycle, and its member states. */
	public record Listed(long id, LocalizedText titles, String stage, List<String> countries) implements Named {

		@Override
		public String name(Locale locale) {
			return titles.in(locale);
		}

	}

	/** The published projects about a commodity, newest first. */
	@Transactional(readOnly = true)
	public List<Listed> publishedFor(String commodity) {
		return published("AND :value = ANY (p.commodities)", commodity);
	}

	/** The published projects in a member state, newest first. */
	@Transactional(readOnly = true)
	public List<Listed> publishedIn(String iso3) {
		return published("AND EXISTS (SELECT 1 FROM projects.project_country c WHERE c.project_id = p.id "
				+ "AND c.country_iso3 = :value)", iso3);
	}

	private List<Listed> published(String condition, String value) {
		return jdbc.sql("""
				SELECT p.id, p.title_en, p.title_ar, p.title_fr, p.stage,
				       ARRAY(SELECT c.country_iso3::text FROM projects.project_country c WHERE c.project_id = p.id
				             ORDER BY c.country_iso3) AS countries
				FROM projects.project p WHERE p.published %s
				ORDER BY p.id DESC
				""".formatted(condition)).param("value", value)
			.query((rs, row) -> new Listed(rs.getLong("id"), new LocalizedText(rs.getString("title_en"),
					rs.getString("title_ar"), rs.getString("title_fr")), rs.getString("stage"),
					List.of((String[]) rs.getArray("countries").getArray())))
			.list();
	}

}
