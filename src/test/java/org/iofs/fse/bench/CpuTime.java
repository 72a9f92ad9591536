package org.iofs.fse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (the platform under test, its clients aside when they are wrk) and by the
 * PostgreSQL processes of the machine, read from {@code /proc}: a figure per transaction that the machine's speed
 * of the day moves less than a rate does.
 */
record CpuTime(long jvmNanos, long postgresNanos) {

	/** Clock ticks per second of /proc's times (USER_HZ): 100 on Linux. */
	private static final long TICKS_PER_SECOND = 100;

	static CpuTime now() {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		return new CpuTime(jvm, postgresTicks() * (1_000_000_000L / TICKS_PER_SECOND));
	}

	CpuTime since(CpuTime start) {
		return new CpuTime(jvmNanos - start.jvmNanos, postgresNanos - start.postgresNanos);
	}

	String perTransaction(long transactions) {
		return String.format("%.2f ms / %.2f ms", jvmNanos / 1e6 / transactions, postgresNanos / 1e6 / transactions);
	}

	private static long postgresTicks() {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.mapToLong(CpuTime::postgresTicksOf)
				.sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** utime and stime of a process named postgres (its backends are long-lived: the pool keeps them). */
	private static long postgresTicksOf(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"));
			int nameEnd = stat.lastIndexOf(')');
			if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
				return 0;
			}
			String[] fields = stat.substring(nameEnd + 2).split(" ");
			// After the name: state is field 3 of proc(5), so utime (14) and stime (15) are at 11 and 12 here.
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0; // the process ended while it was read
		}
	}

}
