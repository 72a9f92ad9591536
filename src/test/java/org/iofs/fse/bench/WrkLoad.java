package org.iofs.fse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stock-ledger load from wrk (Debian's {@code wrk}), when it is installed: a C client on its own, so that the
 * two cores serve requests instead of also making them. The same mix as the Java clients: 70 % FEFO issues of
 * 0.5 t, 30 % receipts of 10 t, at a random hub of twenty.
 */
final class WrkLoad {

	/** What wrk measured: requests answered, those answered with an error status, and latency percentiles. */
	record Figures(long requests, long notCreated, long socketErrors, String p50, String p99) {
	}

	private WrkLoad() {
	}

	static boolean available() {
		return Files.isExecutable(Path.of("/usr/bin/wrk"));
	}

	static Optional<Figures> run(String base, String token, int seconds, int hubs, int connections)
			throws IOException, InterruptedException {
		if (!available()) {
			return Optional.empty();
		}
		String out = wrk(base, seconds, connections, """
				local hubs = %d
				local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "%s" }
				local receipt = '{"commodity": "wheat", "tonnes": 10, "bestBefore": "%s"}'
				local issue = '{"commodity": "wheat", "tonnes": 0.5, "reference": "bench wrk"}'
				request = function()
				  local path = "/api/v1/hubs/BENCH-HUB-" .. math.random(1, hubs)
				  if math.random(1, 10) <= 7 then
				    return wrk.format("POST", path .. "/issues", headers, issue)
				  end
				  return wrk.format("POST", path .. "/receipts", headers, receipt)
				end
				""".formatted(hubs, token, LocalDate.now().plusYears(2)));
		return Optional.of(new Figures(number(out, "(\\d+) requests in"), number(out, "Non-2xx or 3xx responses: (\\d+)"),
				errors(out), text(out, "\\s50%\\s+(\\S+)"), text(out, "\\s99%\\s+(\\S+)")));
	}

	/** What wrk measured on a set of addresses: requests, errors, per second, and percentiles in milliseconds. */
	record Latencies(long requests, long notOk, long socketErrors, double perSecond, double p50, double p90,
			double p99, String socketErrorsSaid) {
	}

	/**
	 * CONNECTIONS keep asking for GETs of addresses drawn at random from PATHS (already URL-encoded), for SECONDS.
	 * {@code token} may be null for public pages.
	 */
	static Latencies get(String base, String token, int seconds, int connections, List<String> paths)
			throws IOException, InterruptedException {
		StringBuilder lua = new StringBuilder("local paths = {\n");
		for (String path : paths) {
			lua.append("  \"").append(path).append("\",\n");
		}
		lua.append("}\nlocal headers = {").append(token == null ? "" : "[\"Authorization\"] = \"" + token + "\"")
			.append("}\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(1, #paths)], headers)\nend\n");
		String out = wrk(base, seconds, connections, lua.toString());
		return new Latencies(number(out, "(\\d+) requests in"), number(out, "Non-2xx or 3xx responses: (\\d+)"),
				errors(out), Double.parseDouble(text(out, "Requests/sec:\\s+(\\S+)")),
				millis(text(out, "\\s50%\\s+(\\S+)")), millis(text(out, "\\s90%\\s+(\\S+)")),
				millis(text(out, "\\s99%\\s+(\\S+)")), text(out, "(Socket errors: .*)"));
	}

	/** wrk's report of CONNECTIONS asking for SECONDS what the Lua script says (two threads, or one connection's). */
	private static String wrk(String base, int seconds, int connections, String lua)
			throws IOException, InterruptedException {
		Path script = Files.createTempFile("wrk", ".lua");
		Files.writeString(script, lua, StandardCharsets.UTF_8);
		// wrk wants at least as many connections as threads.
		Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t" + Math.min(2, connections), "-c" + connections,
				"-d" + seconds + "s", "--latency", "-s", script.toString(), base).redirectErrorStream(true).start();
		String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		wrk.waitFor();
		Files.delete(script);
		if (!out.contains("Requests/sec:")) {
			throw new IllegalStateException("wrk did not run: " + out);
		}
		return out;
	}

	/** wrk writes a latency as 812.00us, 3.21ms or 1.02s. */
	static double millis(String latency) {
		Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(latency);
		if (!m.matches()) {
			throw new IllegalStateException("wrk wrote a latency as " + latency);
		}
		double value = Double.parseDouble(m.group(1));
		return switch (m.group(2)) {
			case "us" -> value / 1000;
			case "ms" -> value;
			case "s" -> value * 1000;
			default -> value * 60_000;
		};
	}

	private static long number(String out, String regex) {
		Matcher m = Pattern.compile(regex).matcher(out);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	private static long errors(String out) {
		Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
		return m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
				+ Long.parseLong(m.group(4)) : 0;
	}

	private static String text(String out, String regex) {
		Matcher m = Pattern.compile(regex).matcher(out);
		return m.find() ? m.group(1) : "?";
	}

}
