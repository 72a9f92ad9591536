package org.iofs.fse.projects.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.DocumentFile;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's documents (appraisal, objectives, budget, review, results, memorandum, contract...): stored here, read
 * by whoever may read the project, published in the IATI file by their address. A PDF or an image read from its
 * bytes, at most 20 MB; the same file twice on a project is one document.
 */
@Service
public class ProjectDocuments {

	/** IATI's activity-level document categories (DocumentCategory A01 to A12). */
	static final Set<String> CATEGORIES = Set.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10",
			"A11", "A12");

	public record Document(long id, long project, LocalizedText titles, String category, LocalDate date,
			String mediaType, String sha256, int bytes) {
	}

	public record Content(Document document, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	private final Clock clock;

	ProjectDocuments(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
		this.clock = clock;
	}

	@Transactional
	public Document add(long projectId, String titleEn, String titleAr, String titleFr, String category,
			LocalDate date, byte[] bytes) {
		Caller caller = access.require(Action.PUBLISH);
		projects.load(projectId);
		LocalizedText checkedTitles = new LocalizedText(Inputs.name(titleEn, 300, "titleEn"),
				Inputs.name(titleAr, 300, "titleAr"), Inputs.name(titleFr, 300, "titleFr"));
		String code = category == null ? "" : category.strip().toUpperCase(java.util.Locale.ROOT);
		if (!CATEGORIES.contains(code)) {
			throw new InvalidInputException("category", "must be an IATI document category from A01 to A12");
		}
		if (date == null || date.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("date", "is required and not in the future");
		}
		DocumentFile file = DocumentFile.of(bytes, "document");
		Long existing = jdbc.sql("SELECT id FROM projects.project_document WHERE project_id = :p AND sha256 = :sha")
			.param("p", projectId).param("sha", file.sha256()).query(Long.class).optional().orElse(null);
		if (existing != null) {
			return get(projectId, existing);
		}
		long id = jdbc.sql("""
				INSERT INTO projects.project_document (project_id, title_en, title_ar, title_fr, category, document_on,
				    media_type, sha256, content, size_bytes, uploaded_by, uploaded_at)
				VALUES (:p, :en, :ar, :fr, :category, :on, :type, :sha, :content, :size, :by, :at)
				RETURNING id
				""").param("p", projectId).param("en", checkedTitles.en()).param("ar", checkedTitles.ar())
			.param("fr", checkedTitles.fr()).param("category", code).param("on", Date.valueOf(date))
			.param("type", file.mediaType()).param("sha", file.sha256()).param("content", file.bytes())
			.param("size", file.bytes().length).param("by", caller.username())
			.param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		Document added = get(projectId, id);
		audit.record("projects.document-added", "project", projectId, null, added);
		return added;
	}

	@Transactional
	public void remove(long projectId, long documentId) {
		access.require(Action.PUBLISH);
		Document document = get(projectId, documentId);
		jdbc.sql("DELETE FROM projects.project_document WHERE id = :id").param("id", documentId).update();
		audit.record("projects.document-removed", "project", projectId, document, null);
	}

	@Transactional(readOnly = true)
	public List<Document> of(long projectId) {
		projects.get(projectId);
		return ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/** The file, for whoever may read the project. */
	@Transactional(readOnly = true)
	public Content content(long projectId, long documentId) {
		projects.get(projectId);
		Document document = get(projectId, documentId);
		byte[] bytes = jdbc.sql("SELECT content FROM projects.project_document WHERE id = :id").param("id", documentId)
			.query(byte[].class).single();
		return new Content(document, bytes);
	}

	private Document get(long projectId, long documentId) {
		return ofProjects(List.of(projectId)).getOrDefault(projectId, List.of()).stream()
			.filter(d -> d.id() == documentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("project document", Long.toString(documentId)));
	}

	Map<Long, List<Document>> ofProjects(List<Long> ids) {
		Map<Long, List<Document>> byProject = new HashMap<>();
		jdbc.sql("""
				SELECT id, project_id, title_en, title_ar, title_fr, category, document_on, media_type, sha256, size_bytes
				FROM projects.project_document WHERE project_id = ANY (:ids) ORDER BY project_id, document_on DESC, id
				""").param("ids", ids.toArray(Long[]::new))
			.query((rs, row) -> byProject.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Document(rs.getLong("id"), rs.getLong("project_id"),
						new LocalizedText(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_fr")),
						rs.getString("category"), rs.getDate("document_on").toLocalDate(), rs.getString("media_type"),
						rs.getString("sha256"), rs.getInt("size_bytes"))))
			.list();
		return byProject;
	}

}
