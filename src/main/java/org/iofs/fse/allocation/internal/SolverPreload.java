package org.iofs.fse.allocation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads OR-Tools' native library on a thread of its own once the platform is ready: unpacking and loading it takes
 * about half a second, which the first plan after a start waited for (bench/allocation-plan.sh), and which start-up
 * itself should not.
 */
@Component
class SolverPreload {

	private static final Logger log = LoggerFactory.getLogger(SolverPreload.class);

	@EventListener(ApplicationReadyEvent.class)
	void preload() {
		Thread loader = new Thread(() -> {
			try {
				LinearSolver.loadNativeLibrary();
			}
			catch (RuntimeException | LinkageError ex) {
				// The first plan loads it again and reports what fails; nothing else depends on it.
				log.warn("OR-Tools' native library did not load ahead of the first plan: {}", ex.toString());
			}
		}, "or-tools-preload");
		loader.setDaemon(true);
		loader.start();
	}

}
