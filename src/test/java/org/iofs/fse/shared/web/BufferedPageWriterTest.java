package org.iofs.fse.shared.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page written through the buffer reaches the response whole and in order, whatever the size of its pieces; a
 * reset discards what was buffered; what is written after the request's work ended goes straight through; API
 * answers are not buffered.
 */
class BufferedPageWriterTest {

	private final BufferedPageWriter filter = new BufferedPageWriter();

	@Test
	void aPageReachesTheResponseWholeAndInOrder() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");
		StringBuilder expected = new StringBuilder();
		filter.doFilter(new MockHttpServletRequest("GET", "/trade"), response, (req, res) -> {
			PrintWriter writer = res.getWriter();
			for (int i = 0; i < 3_000; i++) {
				String piece = "<td>" + i + "</td>";
				writer.write(piece);
				writer.write('\n');
				expected.append(piece).append('\n');
			}
			String longer = "x".repeat(BufferedPageWriter.CHARS + 10);
			writer.print(longer);
			expected.append(longer);
			char[] chars = "القمح".toCharArray();
			writer.write(chars, 1, 3);
			expected.append(chars, 1, 3);
			assertThat(response.getContentAsString().length()).as("gone out a buffer at a time")
				.isLessThan(expected.length());
		});
		assertThat(response.getContentAsString()).isEqualTo(expected.toString());
	}

	@Test
	void aResetDiscardsWhatWasBuffered() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/trade"), response, (req, res) -> {
			res.getWriter().write("half a page");
			res.resetBuffer();
			res.getWriter().write("the error page");
		});
		assertThat(response.getContentAsString()).isEqualTo("the error page");
	}

	@Test
	void whatIsWrittenAfterTheWorkEndedGoesStraightThrough() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<ServletResponse> answer = new AtomicReference<>();
		filter.doFilter(new MockHttpServletRequest("GET", "/trade"), response, (req, res) -> {
			res.getWriter().write("begun ");
			answer.set(res);
		});
		answer.get().getWriter().write("and ended later");
		assertThat(response.getContentAsString()).isEqualTo("begun and ended later");
	}

	@Test
	void anApiAnswerIsNotBuffered() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<ServletResponse> answer = new AtomicReference<>();
		filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/trade/offers"), response,
				(req, res) -> answer.set(res));
		assertThat(answer.get()).isSameAs(response);
	}

}
