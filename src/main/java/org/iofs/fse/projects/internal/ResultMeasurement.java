package org.iofs.fse.projects.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When linked result indicators are measured again: every night ({@code fse.projects.measure-cron}, default 01:30
 * in the Secretariat's time zone), on one instance (ShedLock), and at start, so that a balance published or a deal
 * contracted during the day shows on the projects it counts for the next morning.
 */
@Component
class ResultMeasurement {

	private final ProjectResults results;

	ResultMeasurement(ProjectResults results) {
		this.results = results;
	}

	@Scheduled(cron = "${fse.projects.measure-cron:0 30 1 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "projects.measure", lockAtLeastFor = "PT5M")
	public void nightly() {
		results.measure(null);
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		results.measure(null);
	}

}
