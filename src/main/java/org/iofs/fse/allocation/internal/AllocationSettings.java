package org.iofs.fse.allocation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the allocation module prepares itself.
 *
 * @param warmUpPlans how many made-up plans of a 60-hub network are built and solved in memory once the platform
 *        is ready, so that the first real plan after a start is as fast as the next (default 3; 0 turns the warm-up
 *        off)
 */
@ConfigurationProperties("fse.allocation")
record AllocationSettings(Integer warmUpPlans) {

	AllocationSettings {
		warmUpPlans = warmUpPlans == null ? 3 : warmUpPlans;
		if (warmUpPlans < 0) {
			throw new IllegalArgumentException("fse.allocation.warm-up-plans must be 0 or more, not " + warmUpPlans);
		}
	}

}
