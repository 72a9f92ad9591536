package org.iofs.fse.notifications.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, on one instance: event publications handled more than {@code keep-completed-events} ago are deleted
 * (the registry keeps them until then, for looking into what was told and when). Incomplete ones are kept until
 * they are handled.
 */
@Component
class EventPublicationPurge {

	private final CompletedEventPublications completed;

	private final NotificationSettings settings;

	EventPublicationPurge(CompletedEventPublications completed, NotificationSettings settings) {
		this.completed = completed;
		this.settings = settings;
	}

	@Scheduled(cron = "${fse.notifications.purge-cron:0 40 3 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "notifications.event-publication-purge", lockAtLeastFor = "PT5M")
	public void nightly() {
		completed.deletePublicationsOlderThan(settings.keepCompletedEvents());
	}

}
