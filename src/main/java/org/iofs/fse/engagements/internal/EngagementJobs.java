package org.iofs.fse.engagements.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engagements' daily run ({@code fse.engagements.daily-cron}, default 06:00 in the Secretariat's time zone, on
 * one instance, and at start): reminders of actions due in a week or today, memoranda past their end expired and
 * those ending within 90 days announced. Each step tells no one twice, so a rerun is harmless.
 */
@Component
class EngagementJobs {

	private final Actions actions;

	private final Memoranda memoranda;

	EngagementJobs(Actions actions, Memoranda memoranda) {
		this.actions = actions;
		this.memoranda = memoranda;
	}

	@Scheduled(cron = "${fse.engagements.daily-cron:0 0 6 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "engagements.daily", lockAtLeastFor = "PT5M")
	public void daily() {
		actions.remind();
		memoranda.expire();
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		daily();
	}

}
