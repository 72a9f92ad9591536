package org.iofs.fse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iofs.fse.platform.internal.EmbeddedServer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own benchmark, pgbench's TPC-B-like transaction (three updates, a select and an insert), on the
 * platform's embedded server in a database of its own: the baseline the stock ledger is measured against in the same
 * run, on the same server, with the same durability ({@code synchronous_commit=on}).
 */
final class Pgbench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	record Figures(double tps, double p50Ms, double p99Ms) {
	}

	private Pgbench() {
	}

	static boolean available() {
		return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "pgbench")));
	}

	/** Scale 16 (16 branches) so that 16 clients do not all queue on one branch row, as pgbench's manual advises. */
	static Optional<Figures> run(EmbeddedServer server, JdbcClient jdbc, int clients, int seconds, Path work)
			throws IOException, InterruptedException {
		if (!available()) {
			return Optional.empty();
		}
		jdbc.sql("DROP DATABASE IF EXISTS pgbench").update();
		jdbc.sql("CREATE DATABASE pgbench").update();
		run(server, work.resolve("pgbench-init.log"), "-i", "-q", "-s", "16");
		Path log = work.resolve("pgbench-latencies");
		Files.createDirectories(log);
		String output = run(server, work.resolve("pgbench.log"), "-c", String.valueOf(clients), "-j", "2", "-M",
				"prepared", "-T", String.valueOf(seconds), "-l", "--log-prefix=" + log.resolve("tx"));
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench printed no rate:\n" + output);
		}
		long[] latencies = latencies(log);
		return Optional.of(new Figures(Double.parseDouble(tps.group(1)), at(latencies, 0.5), at(latencies, 0.99)));
	}

	private static String run(EmbeddedServer server, Path output, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("pgbench", "-h", "localhost", "-p", String.valueOf(server.port()),
				"-U", EmbeddedServer.USER));
		command.addAll(Arrays.asList(args));
		command.add("pgbench");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().put("PGPASSWORD", server.password());
		int exit = builder.start().waitFor();
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		if (exit != 0) {
			throw new IllegalStateException("pgbench " + String.join(" ", args) + " failed:\n" + printed);
		}
		return printed;
	}

	/** Each transaction's latency in microseconds: the third field of pgbench's per-transaction log lines. */
	private static long[] latencies(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.flatMap(file -> {
				try {
					return Files.readAllLines(file).stream();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).mapToLong(line -> Long.parseLong(line.split(" ")[2])).sorted().toArray();
		}
	}

	private static double at(long[] sortedMicros, double p) {
		return sortedMicros.length == 0 ? 0 : sortedMicros[Math.min(sortedMicros.length - 1, (int) (sortedMicros.length * p))] / 1e3;
	}

}
