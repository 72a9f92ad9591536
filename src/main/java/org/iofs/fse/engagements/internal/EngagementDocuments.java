package org.iofs.fse.engagements.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.DocumentFile;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of engagements and memoranda (a presentation, signed minutes, the memorandum's text): a PDF or an image
 * read from its bytes, at most 20 MB, read by whoever may read what it belongs to.
 */
@Service
public class EngagementDocuments {

	public record Document(long id, Long engagement, String title, String mediaType, String sha256, int bytes,
			Instant uploadedAt) {
	}

	public record Content(Document document, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Engagements engagements;

	private final Memoranda memoranda;

	private final Clock clock;

	EngagementDocuments(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Engagements engagements,
			Memoranda memoranda, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.engagements = engagements;
		this.memoranda = memoranda;
		this.clock = clock;
	}

	/** The Secretariat adds a document to an engagement, or as a memorandum's text (then {@code engagement} is null). */
	@Transactional
	public Document add(Long engagement, Long memorandum, String title, byte[] bytes) {
		Caller caller = access.require(Action.PUBLISH);
		if ((engagement == null) == (memorandum == null)) {
			throw new InvalidInputException("engagement", "a document belongs to an engagement or to a memorandum");
		}
		if (engagement != null) {
			engagements.load(engagement, caller);
		}
		else {
			memoranda.load(memorandum);
		}
		String name = Inputs.name(title, 300, "title");
		DocumentFile file = DocumentFile.of(bytes, "document");
		long id = jdbc.sql("""
				INSERT INTO engagements.document (engagement_id, title, media_type, sha256, content, size_bytes,
				    uploaded_by, uploaded_at)
				VALUES (:engagement, :title, :type, :sha, :content, :size, :by, :at) RETURNING id
				""").param("engagement", engagement).param("title", name).param("type", file.mediaType())
			.param("sha", file.sha256()).param("content", file.bytes()).param("size", file.bytes().length)
			.param("by", caller.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		if (memorandum != null) {
			memoranda.attach(memorandum, id);
		}
		Document added = load(id);
		audit.record("engagements.document-added", engagement != null ? "engagement" : "memorandum",
				engagement != null ? engagement : memorandum, null, added);
		return added;
	}

	@Transactional(readOnly = true)
	public List<Document> of(long engagement) {
		engagements.get(engagement);
		return jdbc.sql("SELECT * FROM engagements.document WHERE engagement_id = :id ORDER BY uploaded_at, id")
			.param("id", engagement).query(this::map).list();
	}

	/** A document's file, for whoever may read its engagement or its memorandum; to others it does not exist. */
	@Transactional(readOnly = true)
	public Content content(long id) {
		Document document = load(id);
		if (document.engagement() != null) {
			engagements.get(document.engagement());
		}
		else {
			Long memorandum = jdbc.sql("SELECT id FROM engagements.memorandum WHERE document_id = :id").param("id", id)
				.query(Long.class).optional().orElseThrow(() -> new NotFoundException("document", Long.toString(id)));
			memoranda.get(memorandum);
		}
		return new Content(document, jdbc.sql("SELECT content FROM engagements.document WHERE id = :id")
			.param("id", id).query(byte[].class).single());
	}

	private Document load(long id) {
		return jdbc.sql("SELECT * FROM engagements.document WHERE id = :id").param("id", id).query(this::map).optional()
			.orElseThrow(() -> new NotFoundException("document", Long.toString(id)));
	}

	private Document map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Document(rs.getLong("id"), (Long) rs.getObject("engagement_id"), rs.getString("title"),
				rs.getString("media_type"), rs.getString("sha256"), rs.getInt("size_bytes"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

}
