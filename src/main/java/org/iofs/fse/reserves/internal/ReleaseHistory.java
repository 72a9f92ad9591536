package org.iofs.fse.reserves.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.audit.AuditTrail;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A release request's history: each step it takes is a row of its history and an audit record, whoever moves it
 * (a person through {@link Releases}, or the platform drafting and withdrawing a response proposal's request).
 */
@Component
public class ReleaseHistory {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ReleaseHistory(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Records a step: from a status (none for a new request) to another, by whom, with a note or a shipment. */
	public void record(long id, String from, String to, String actor, String note, Long shipment) {
		jdbc.sql("""
				INSERT INTO reserves.release_event (request_id, from_status, to_status, actor, note, written_in,
				    shipment_id)
				VALUES (:id, :from, :to, :actor, :note, :writtenIn, :shipment)
				""").param("id", id).param("from", from).param("to", to).param("actor", actor)
			.param("note", note).param("writtenIn", note == null ? null : writersLanguage()).param("shipment", shipment)
			.update();
		Map<String, Object> after = shipment == null ? Map.of("status", to, "note", note == null ? "" : note)
				: Map.of("status", to, "note", "", "shipment", shipment);
		audit.record("reserves.release-" + to.toLowerCase(Locale.ROOT), "release-request", id,
				from == null ? null : Map.of("status", from), after);
	}

	/** The language the writer reads the platform in: the one their words are taken to be written in. */
	static String writersLanguage() {
		String language = LocaleContextHolder.getLocale().getLanguage();
		return List.of("ar", "fr").contains(language) ? language : "en";
	}

}
