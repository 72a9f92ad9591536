package org.iofs.fse.shared.imports;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How far the imports running on this instance have read their files, for the upload pages' progress bars. Kept
 * in memory: behind a load balancer a poll that reaches another instance finds nothing and the page shows the bar
 * as busy instead. Entries are removed when their import ends.
 */
@Component
public class ImportProgress {

	public record Progress(long bytesRead, long totalBytes, boolean merging) {
	}

	/** The answer to an upload page's poll: the progress, or 404 when that import is not (or no longer) running. */
	public static ResponseEntity<Progress> answer(Optional<Progress> progress) {
		return progress.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private final Map<String, Progress> running = new ConcurrentHashMap<>();

	public void reading(String id, long bytesRead, long totalBytes) {
		if (id != null) {
			running.put(id, new Progress(bytesRead, totalBytes, false));
		}
	}

	public void merging(String id) {
		if (id != null) {
			running.computeIfPresent(id, (k, p) -> new Progress(p.totalBytes(), p.totalBytes(), true));
		}
	}

	public void finished(String id) {
		if (id != null) {
			running.remove(id);
		}
	}

	/** How far an import has got; the caller checks that the reader may watch imports. */
	public Optional<Progress> of(String id) {
		return Optional.ofNullable(running.get(id));
	}

}
