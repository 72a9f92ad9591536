package org.iofs.fse.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most a few requests are worked on at once ({@code fse.web.concurrency.limit}, two per processor by
 * default); the others wait their turn in the order they came. A request that waited longer than
 * {@code fse.web.concurrency.queue-wait} is answered 503 with {@code Retry-After}.
 * <p>
 * Why: every request that arrives starts at once (on virtual threads, as measured; on Tomcat's platform threads, up
 * to 200), and sixteen requests worked on together on two cores each hold their database connection and row locks
 * while the others take the processors: sixteen clients moving stock without pause had a 99th percentile four times
 * their median, and in one run PostgreSQL spent twice its usual time per movement (row locks held longer being the
 * likely reason; not measured apart). Four at a time on two cores finish sooner each and in turn (bench/README.md,
 * the ledger). A request waiting its turn holds its thread, and nothing else.
 * <p>
 * Only the work holds a turn, not the network, so that a slow connection (a field office's, or an attacker's) keeps
 * no one else waiting: a body of up to {@value #RECEIVED_FIRST} bytes is received in full before the turn is taken;
 * an answer of up to {@value #ANSWER_BUFFER} bytes is kept by the server and sent after the turn is given back
 * ({@link BufferedAnswer}).
 * Requests with a longer body or one of unknown length (uploads: they stream it for as long as the sender takes, and
 * an import runs on) are let through without a turn, and so are the health probes (they must answer a busy server).
 * Downloads stream after the request gave its turn back (Spring's asynchronous answer).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@EnableConfigurationProperties(ConcurrencyLimit.Settings.class)
public class ConcurrencyLimit extends OncePerRequestFilter {

	/** The longest body received before a turn is taken (a JSON movement or a posted form are far shorter). */
	static final int RECEIVED_FIRST = 64 * 1024;

	/** The longest answer sent after the turn is given back (Tomcat keeps buffers up to 128 KB between requests). */
	static final int ANSWER_BUFFER = 128 * 1024;

	/**
	 * @param limit requests worked on at once (0: two per processor)
	 * @param queueWait how long a request may wait for its turn before it is answered 503
	 */
	@ConfigurationProperties("fse.web.concurrency")
	public record Settings(@DefaultValue("0") int limit, @DefaultValue("30s") Duration queueWait) {

		int permits() {
			return limit > 0 ? limit : 2 * Runtime.getRuntime().availableProcessors();
		}

	}

	private final Semaphore turns;

	private final Duration wait;

	ConcurrencyLimit(Settings settings) {
		this.turns = new Semaphore(settings.permits(), true);
		this.wait = settings.queueWait();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest received = ReceivedBody.receive(request, RECEIVED_FIRST);
		if (received == null) {
			chain.doFilter(request, response);
			return;
		}
		if (response.getBufferSize() < ANSWER_BUFFER) {
			response.setBufferSize(ANSWER_BUFFER);
		}
		boolean turn;
		try {
			turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("interrupted while waiting for a turn", ex);
		}
		if (!turn) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		BufferedAnswer answer = new BufferedAnswer(response);
		try {
			chain.doFilter(received, answer);
		}
		finally {
			turns.release();
			answer.release();
		}
	}

	/** Turns free now, for tests. */
	int available() {
		return turns.availablePermits();
	}

}
