package org.iofs.fse.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.iofs.fse.support.WebSession;

/** Signed-in users opening pages of the {@link PageMix}, each on a thread of its own, paced or flat out. */
final class PageLoad {

	private PageLoad() {
	}

	record Visitor(WebSession session, PageMix.User user) {

		static Visitor signedIn(int port, PageMix.User user) {
			WebSession session = new WebSession(port);
			HttpResponse<String> signIn = session.signIn(user.username(), user.password());
			String location = signIn.headers().firstValue("Location").orElse("");
			if (signIn.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException(user.username() + " could not sign in: " + signIn.statusCode() + " " + location);
			}
			return new Visitor(session, user);
		}

	}

	record Visit(String kind, long nanos) {
	}

	record Result(List<Visit> visits, long errors, List<String> failures) {

		long pages() {
			return visits.size();
		}

		String percentiles() {
			return figures(visits.stream().mapToLong(Visit::nanos).toArray());
		}

		Map<String, String> byKind() {
			Map<String, List<Long>> kinds = new TreeMap<>();
			visits.forEach(v -> kinds.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v.nanos()));
			Map<String, String> figures = new TreeMap<>();
			kinds.forEach((kind, nanos) -> figures.put(kind,
					String.format("%,d | %s", nanos.size(), figures(nanos.stream().mapToLong(Long::longValue).toArray()))));
			return figures;
		}

		private static String figures(long[] nanos) {
			if (nanos.length == 0) {
				return "none";
			}
			Arrays.sort(nanos);
			return String.format("%.1f / %.1f / %.1f / %.1f ms", at(nanos, 0.5), at(nanos, 0.9), at(nanos, 0.99),
					nanos[nanos.length - 1] / 1e6);
		}

		private static double at(long[] sorted, double p) {
			return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
		}

	}

	/**
	 * Every visitor opens a page, then waits for its next turn (every {@code pauseMs}, from a random start within the
	 * first pause, so that the users do not arrive together), for {@code seconds}; with no pause, flat out.
	 */
	static Result run(List<Visitor> visitors, PageMix mix, int seconds, int pauseMs) throws InterruptedException {
		ConcurrentLinkedQueue<Visit> visits = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long begin = System.nanoTime();
		long end = begin + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (Visitor visitor : visitors) {
			Thread thread = new Thread(() -> {
				long next = begin + (pauseMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(pauseMs * 1_000_000L));
				while (true) {
					long wait = next - System.nanoTime();
					if (wait > 0) {
						sleep(wait);
					}
					if (System.nanoTime() >= end) {
						return;
					}
					String page = mix.nextPage(visitor.user());
					long start = System.nanoTime();
					int status;
					try {
						status = visitor.session().get(page).statusCode();
					}
					catch (RuntimeException ex) {
						status = -1;
					}
					visits.add(new Visit(kindOf(page), System.nanoTime() - start));
					if (status != 200) {
						failures.add(status + " " + page);
					}
					next += pauseMs * 1_000_000L;
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(List.copyOf(visits), failures.size(), failures.stream().limit(10).toList());
	}

	/** The page without the member, commodity, hub or series it names: "country: prices", "hub", "series API". */
	static String kindOf(String page) {
		if (page.equals("/")) {
			return "dashboard";
		}
		String[] parts = page.split("[/?]");
		return switch (parts[1]) {
			case "countries" -> parts.length > 3 ? "country: " + parts[3] : "country";
			case "api" -> page.contains("?") ? "series API: a member's series" : "series API: one series";
			case "commodities" -> "commodity";
			case "hubs" -> "hub";
			default -> parts[1];
		};
	}

	private static void sleep(long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
