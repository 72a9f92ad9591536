package org.iofs.fse.foodbalance.importing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;

import org.springframework.stereotype.Component;

/**
 * How far the imports running on this instance have read their files, for the upload page's progress bar. Kept in
 * memory: behind a load balancer a poll that reaches another instance finds nothing and the page shows the bar
 * as busy instead. Entries are removed when their import ends.
 */
@Component
class ImportProgress {

	record Progress(long bytesRead, long totalBytes, boolean merging) {
	}

	private final Map<String, Progress> running = new ConcurrentHashMap<>();

	private final AccessPolicy access;

	ImportProgress(AccessPolicy access) {
		this.access = access;
	}

	void reading(String id, long bytesRead, long totalBytes) {
		if (id != null) {
			running.put(id, new Progress(bytesRead, totalBytes, false));
		}
	}

	void merging(String id) {
		if (id != null) {
			running.computeIfPresent(id, (k, p) -> new Progress(p.totalBytes(), p.totalBytes(), true));
		}
	}

	void finished(String id) {
		if (id != null) {
			running.remove(id);
		}
	}

	/** Only those who import may watch imports. */
	Optional<Progress> of(String id) {
		access.require(Action.PUBLISH);
		return Optional.ofNullable(running.get(id));
	}

}
