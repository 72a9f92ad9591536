package org.iofs.fse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.context.ApplicationContext;

/**
 * What a long-running server must not accumulate: the heap in use after a full collection, the connection pool's
 * connections (in use, idle, threads waiting), the JVM's threads and its open files, and the classes it has loaded
 * since it started: the platform collects without unloading classes between full collections (README, "Running
 * it"), so classes made while it serves would pile up there.
 */
record ServerState(long heapAfterGcMb, int poolActive, int poolIdle, int poolWaiting, int threads, long files,
		long classesLoaded, long metaspaceMb) {

	static ServerState of(ApplicationContext context) {
		// Two collections: the first may leave objects whose finalisation or reference processing frees more.
		System.gc();
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
		long metaspace = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(memory -> memory.getName().equals("Metaspace"))
			.mapToLong(memory -> memory.getUsage().getUsed() >> 20)
			.sum();
		HikariPoolMXBean pool = context.getBean(HikariDataSource.class).getHikariPoolMXBean();
		return new ServerState(heap, pool.getActiveConnections(), pool.getIdleConnections(),
				pool.getThreadsAwaitingConnection(), ManagementFactory.getThreadMXBean().getThreadCount(), countOpenFiles(),
				ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), metaspace);
	}

	static long countOpenFiles() {
		try (Stream<Path> files = Files.list(Path.of("/proc/self/fd"))) {
			return files.count();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static void print(ServerState... states) {
		row("heap in use after a full collection (MB)", states, ServerState::heapAfterGcMb);
		row("connections in use / idle / threads waiting", states,
				s -> s.poolActive() + " / " + s.poolIdle() + " / " + s.poolWaiting());
		row("JVM threads", states, ServerState::threads);
		row("open files", states, ServerState::files);
		row("classes loaded since the start", states, ServerState::classesLoaded);
		row("metaspace in use (MB)", states, ServerState::metaspaceMb);
	}

	private static void row(String label, ServerState[] states, java.util.function.Function<ServerState, Object> value) {
		StringBuilder line = new StringBuilder("| " + label + " |");
		for (ServerState state : states) {
			line.append(' ').append(value.apply(state)).append(" |");
		}
		System.out.println(line);
	}

}
