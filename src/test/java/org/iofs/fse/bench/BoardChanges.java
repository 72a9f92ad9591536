package org.iofs.fse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board changing while it is read: every {@code everyMillis}, in turn, a verified company takes 25 t (the
 * generated offers' minimum order) of another company's open offer to sell, or drafts and publishes a request to buy,
 * through the platform's API as a company would. Each change makes the platform forget the answers it alters.
 */
final class BoardChanges implements AutoCloseable {

	/** The run's changes so far: each takes from an offer of its own, whichever measure it is made in. */
	private static final AtomicInteger CHANGES_IN_RUN = new AtomicInteger();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger made = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private BoardChanges() {
	}

	/** Starts the takes; nothing is changed when {@code everyMillis} is 0. */
	static BoardChanges every(long everyMillis, JdbcClient jdbc, HttpClient http, String base, String token) {
		BoardChanges changes = new BoardChanges();
		if (everyMillis <= 0) {
			return changes;
		}
		UUID buyer = jdbc.sql("""
				SELECT organisation_id FROM trade.company WHERE kyc_status = 'VERIFIED' ORDER BY organisation_id LIMIT 1
				""").query(UUID.class).single();
		List<Long> offers = jdbc.sql("""
				SELECT o.id FROM trade.offer o JOIN trade.company c ON c.organisation_id = o.company_id
				WHERE o.side = 'SELL' AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN') AND c.kyc_status = 'VERIFIED'
				  AND o.company_id <> :buyer AND o.open_tonnes >= 50
				ORDER BY o.id DESC LIMIT 5000
				""").param("buyer", buyer).query(Long.class).list();
		changes.clock.scheduleAtFixedRate(() -> {
			int n = CHANGES_IN_RUN.getAndIncrement();
			try {
				boolean made = n % 2 == 0 ? changes.take(http, base, token, buyer, offers.get(n / 2 % offers.size()))
						: changes.publish(http, base, token, buyer, n);
				(made ? changes.made : changes.refused).incrementAndGet();
			}
			catch (Exception ex) {
				changes.refused.incrementAndGet();
			}
		}, 0, everyMillis, TimeUnit.MILLISECONDS);
		return changes;
	}

	/** 25 t taken from an offer: the answers showing it change. */
	private boolean take(HttpClient http, String base, String token, UUID buyer, long offer) throws Exception {
		return post(http, base + "/api/v1/trade/offers/" + offer + "/takes", token,
				"{\"company\": \"" + buyer + "\", \"tonnes\": 25}") == 201;
	}

	/**
	 * A request to buy drafted and published (its commodity and Incoterm drawn as the generated ones are): it comes
	 * onto the board, newest of all, so the answers whose filters it passes change, and every search's.
	 */
	private boolean publish(HttpClient http, String base, String token, UUID buyer, int n) throws Exception {
		LocalDate today = LocalDate.now();
		HttpResponse<String> drafted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/trade/offers"))
			.header("Authorization", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"side": "BUY", "company": "%s", "commodity": "%s", "quantityTonnes": 1000, "minOrderTonnes": 100,
					 "pricePerTonne": 300, "currency": "USD", "incoterm": "%s", "incotermPlace": "Port",
					 "deliveryFrom": "%s", "deliveryUntil": "%s", "specification": "durum, protein 12.5%%"}
					""".formatted(buyer, TradeBoardBenchmark.COMMODITIES[n % 10], TradeBoardBenchmark.INCOTERMS[n % 6],
					today.plusDays(20), today.plusDays(80))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (drafted.statusCode() != 201) {
			return false;
		}
		String body = drafted.body();
		int start = body.indexOf("\"id\":") + 5;
		String id = body.substring(start, body.indexOf(',', start)).strip();
		return post(http, base + "/api/v1/trade/offers/" + id + "/publish", token, "{}") == 200;
	}

	private static int post(HttpClient http, String address, String token, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(address))
			.header("Authorization", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	int made() {
		return made.get();
	}

	int refused() {
		return refused.get();
	}

	@Override
	public void close() throws InterruptedException {
		clock.shutdownNow();
		clock.awaitTermination(5, TimeUnit.SECONDS);
	}

}
