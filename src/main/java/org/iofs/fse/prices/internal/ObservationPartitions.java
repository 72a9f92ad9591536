package org.iofs.fse.prices.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observations (year rows, {@code prices.observation_year}) are partitioned on their year's first day, a partition
 * per calendar year. The platform creates them ahead:
 * every year up to next year exists at start and after each nightly run, so an import or an entry (which accept
 * no month after the current one) never meets a month without its partition, and never creates one itself (creating
 * a partition locks the whole table until the creating transaction ends).
 */
@Component
public class ObservationPartitions {

	private static final Logger log = LoggerFactory.getLogger(ObservationPartitions.class);

	/** The earliest year an import accepts. */
	static final int FIRST_YEAR = 1990;

	private final JdbcClient jdbc;

	private final Clock clock;

	ObservationPartitions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${fse.prices.partition-cron:0 45 0 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "prices.partitions", lockAtLeastFor = "PT1M")
	public void nightly() {
		ensureThrough(Year.from(LocalDate.now(clock)).plusYears(1));
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		nightly();
	}

	/** Creates the partitions missing from 1990 to the given year; returns the years created. */
	@Transactional
	public List<Integer> ensureThrough(Year last) {
		Set<String> existing = new HashSet<>(jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'prices.observation_year'::regclass
				""").query(String.class).list());
		List<Integer> created = new ArrayList<>();
		for (int year = FIRST_YEAR; year <= last.getValue(); year++) {
			if (!existing.contains(partition(year))) {
				jdbc.sql("CREATE TABLE IF NOT EXISTS prices." + partition(year)
						+ " PARTITION OF prices.observation_year FOR VALUES FROM ('" + year + "-01-01') TO ('" + (year + 1)
						+ "-01-01')").update();
				created.add(year);
			}
		}
		if (!created.isEmpty()) {
			log.info("Price observations: partitions created for {}", created);
		}
		return created;
	}

	static String partition(int year) {
		return "observation_year_" + year;
	}

}
