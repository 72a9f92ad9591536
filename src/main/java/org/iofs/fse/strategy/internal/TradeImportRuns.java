package org.iofs.fse.strategy.internal;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.imports.ImportRunLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of past trade matrix imports, newest first, for those who import. */
@Service
class TradeImportRuns {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	TradeImportRuns(JdbcClient jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	PageOf<ImportRunLog.Run> recent(int page, int size) {
		access.require(Action.PUBLISH);
		return ImportRunLog.recent(jdbc, TradeMatrixImporter.RUNS, page, size);
	}

}
