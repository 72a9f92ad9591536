package org.iofs.fse.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {

	@Test
	void aRequestBeyondTheLimitWaitsItsTurnThenIsAnswered503WithRetryAfter() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(new ConcurrencyLimit.Settings(1, Duration.ofMillis(200)));
		HeldTurn first = HeldTurn.take(limit, request("POST", "/api/v1/hubs/X/issues"));
		assertThat(limit.available()).isZero();

		MockHttpServletResponse refused = run(limit, request("GET", "/trade"), (q, r) -> {
			throw new AssertionError("worked on while the one turn was taken");
		});
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

		first.giveBack();
		assertThat(limit.available()).isEqualTo(1);
		assertThat(run(limit, request("GET", "/trade"), (q, r) -> ((HttpServletResponse) r)
			.setStatus(200)).getStatus()).isEqualTo(200);
		assertThat(limit.available()).isEqualTo(1);
	}

	@Test
	void theTurnIsGivenBackWhenTheRequestFails() {
		ConcurrencyLimit limit = new ConcurrencyLimit(new ConcurrencyLimit.Settings(2, Duration.ofSeconds(1)));
		assertThatThrownBy(() -> limit.doFilter(request("GET", "/trade"), new MockHttpServletResponse(), (q, r) -> {
			throw new IllegalStateException("broken");
		})).hasMessage("broken");
		assertThat(limit.available()).isEqualTo(2);
	}

	@Test
	void uploadsAndHealthProbesAreLetThroughWhenEveryTurnIsTaken() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(new ConcurrencyLimit.Settings(1, Duration.ofMillis(50)));
		HeldTurn first = HeldTurn.take(limit, request("GET", "/trade"));

		MockHttpServletRequest upload = request("POST", "/foodbalance/imports");
		upload.setContentType("multipart/form-data; boundary=x");
		upload.setContent("--x--".getBytes(StandardCharsets.UTF_8));
		MockHttpServletRequest large = request("PUT", "/api/v1/projects/1/documents");
		large.setContentType("application/pdf");
		large.setContent(new byte[ConcurrencyLimit.RECEIVED_FIRST + 1]);
		MockHttpServletRequest chunked = request("POST", "/api/v1/hubs/X/issues");
		chunked.addHeader("Transfer-Encoding", "chunked");
		assertThat(run(limit, large, (q, r) -> ((HttpServletResponse) r).setStatus(201)).getStatus()).isEqualTo(201);
		assertThat(run(limit, chunked, (q, r) -> ((HttpServletResponse) r).setStatus(201)).getStatus())
			.isEqualTo(201);
		assertThat(run(limit, upload, (q, r) -> ((HttpServletResponse) r).setStatus(202))
			.getStatus()).isEqualTo(202);
		assertThat(run(limit, request("GET", "/actuator/health/liveness"),
				(q, r) -> ((HttpServletResponse) r).setStatus(200))
			.getStatus()).isEqualTo(200);
		first.giveBack();
	}

	@Test
	void aShortBodyIsReceivedBeforeTheTurnAndReadByTheHandlerAsSent() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(new ConcurrencyLimit.Settings(1, Duration.ofSeconds(1)));
		String json = "{\"commodity\": \"wheat\", \"tonnes\": 0.5, \"reference\": \"لجنة\"}";
		MockHttpServletRequest movement = request("POST", "/api/v1/hubs/X/issues");
		movement.setContentType("application/json");
		movement.setCharacterEncoding("UTF-8");
		movement.setContent(json.getBytes(StandardCharsets.UTF_8));
		StringBuilder read = new StringBuilder();
		MockHttpServletResponse answer = run(limit, movement, (q, r) -> {
			read.append(new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			read.append(q.getInputStream().read());
		});
		assertThat(read).hasToString(json + "-1");
		assertThat(answer.getBufferSize()).isEqualTo(ConcurrencyLimit.ANSWER_BUFFER);

		MockHttpServletRequest form = request("POST", "/trade/offers/7/takes");
		form.setContentType("application/x-www-form-urlencoded");
		form.setContent("tonnes=12.5".getBytes(StandardCharsets.UTF_8));
		form.addParameter("tonnes", "12.5");
		StringBuilder tonnes = new StringBuilder();
		run(limit, form, (q, r) -> tonnes.append(q.getParameter("tonnes")));
		assertThat(tonnes).hasToString("12.5");
	}

	@Test
	void theAnswerIsKeptByTheServerWhileTheTurnIsHeldAndFlushesPassOnceItIsGivenBack() throws Exception {
		ConcurrencyLimit limit = new ConcurrencyLimit(new ConcurrencyLimit.Settings(1, Duration.ofSeconds(1)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServletResponse[] passedOn = new HttpServletResponse[1];
		limit.doFilter(request("GET", "/trade"), response, (q, r) -> {
			r.getWriter().write("<html>the board</html>");
			r.getWriter().flush();
			r.flushBuffer();
			assertThat(response.isCommitted()).isFalse();
			passedOn[0] = (HttpServletResponse) r;
		});
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsString()).isEqualTo("<html>the board</html>");
		// A download streaming on after its request gave the turn back flushes as it goes.
		passedOn[0].getWriter().flush();
		assertThat(response.isCommitted()).isTrue();
	}

	@Test
	void theDefaultIsTwoTurnsPerProcessor() {
		assertThat(new ConcurrencyLimit.Settings(0, Duration.ofSeconds(30)).permits())
			.isEqualTo(2 * Runtime.getRuntime().availableProcessors());
		assertThat(new ConcurrencyLimit.Settings(4, Duration.ofSeconds(30)).permits()).isEqualTo(4);
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

	private static MockHttpServletResponse run(ConcurrencyLimit limit, MockHttpServletRequest request,
			FilterChain chain) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			limit.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	/** A request that holds a turn until it is told to give it back. */
	private record HeldTurn(Thread thread, CountDownLatch finish) {

		static HeldTurn take(ConcurrencyLimit limit, MockHttpServletRequest request) throws InterruptedException {
			CountDownLatch working = new CountDownLatch(1);
			CountDownLatch finish = new CountDownLatch(1);
			Thread thread = new Thread(() -> run(limit, request, (q, r) -> {
				working.countDown();
				await(finish);
			}), "first-request");
			thread.start();
			assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
			return new HeldTurn(thread, finish);
		}

		void giveBack() throws InterruptedException {
			finish.countDown();
			thread.join();
		}

	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
