package org.iofs.fse.reserves.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When {@link ExpiryJob} runs: every night shortly after midnight in the Secretariat's time zone, on one instance
 * (ShedLock), and at start. A separate bean on purpose: a call from the job to its own method would bypass the
 * proxy and run without the job's transaction.
 */
@Component
public class ExpirySchedule {

	private final ExpiryJob job;

	ExpirySchedule(ExpiryJob job) {
		this.job = job;
	}

	@Scheduled(cron = "${fse.reserves.expiry-cron:0 15 0 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "reserves.expiry", lockAtLeastFor = "PT5M")
	public void nightly() {
		job.run();
	}

	/** Also at start: a platform that was down at night catches up before anyone issues from an expired lot. */
	@EventListener
	void onReady(ApplicationReadyEvent event) {
		job.run();
	}

}
