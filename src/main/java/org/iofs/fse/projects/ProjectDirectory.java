package org.iofs.fse.projects;

import java.util.Optional;

import org.iofs.fse.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a project: whether it exists and its titles, so that they can point at it (an
 * engagement about a project). Its content stays behind the projects module's own access rules.
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

}
