package org.iofs.fse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
		Path script = Files.createTempFile("stock-ledger", ".lua");
		Files.writeString(script, """
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
				""".formatted(hubs, token, LocalDate.now().plusYears(2)), StandardCharsets.UTF_8);
		Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
				"-s", script.toString(), base).redirectErrorStream(true).start();
		String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		wrk.waitFor();
		Files.delete(script);
		return Optional.of(new Figures(number(out, "(\\d+) requests in"), number(out, "Non-2xx or 3xx responses: (\\d+)"),
				errors(out), text(out, "\\s50%\\s+(\\S+)"), text(out, "\\s99%\\s+(\\S+)")));
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
