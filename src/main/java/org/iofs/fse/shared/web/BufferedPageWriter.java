package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page is written through a buffer of {@value #CHARS} characters, innermost of the filters: a page is thousands of
 * small pieces (Thymeleaf writes each text and attribute as it draws it), and each piece written straight to the
 * response went through every wrapper around it (security, session, the turn's answer), each a {@link PrintWriter}
 * with its own lock and checks. Through the buffer they go out a few kilobytes at a time. Thymeleaf had first drawn
 * each page into a growing string and written it once, which made half the bytes a busy board allocated
 * (bench/trade-board.sh, a profile of the requests' allocations): a buffer that grew in steps to the page's length,
 * then the page copied out of it.
 * <p>
 * What is buffered goes out when the buffer fills, on a flush, and when the request's work ends; a reset of the
 * response discards it with the response's own buffer. An answer that goes on after its request's work ended (an
 * asynchronous one) is written straight through. API answers (streams of JSON, not a writer's pieces) are left alone.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class BufferedPageWriter extends OncePerRequestFilter {

	static final int CHARS = 8 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return PagesOnlyFilter.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Buffered buffered = new Buffered(response);
		try {
			chain.doFilter(request, buffered);
		}
		finally {
			buffered.workEnded();
		}
	}

	/** The response with its writer buffered. */
	private static final class Buffered extends HttpServletResponseWrapper {

		private Pieces pieces;

		private PrintWriter writer;

		Buffered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				pieces = new Pieces(super.getWriter());
				writer = new PrintWriter(pieces, false);
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (pieces != null) {
				pieces.flush();
			}
			super.flushBuffer();
		}

		@Override
		public void resetBuffer() {
			if (pieces != null) {
				pieces.discard();
			}
			super.resetBuffer();
		}

		@Override
		public void reset() {
			if (pieces != null) {
				pieces.discard();
			}
			super.reset();
		}

		void workEnded() throws IOException {
			if (pieces != null) {
				pieces.passThrough();
			}
		}

	}

	/** A writer's pieces gathered in one array and written out a buffer at a time. */
	private static final class Pieces extends Writer {

		private final PrintWriter out;

		private char[] chars = new char[CHARS];

		private int length;

		Pieces(PrintWriter out) {
			this.out = out;
		}

		@Override
		public void write(char[] text, int offset, int count) {
			if (!buffers(count)) {
				out.write(text, offset, count);
				return;
			}
			System.arraycopy(text, offset, chars, length, count);
			length += count;
		}

		@Override
		public void write(String text, int offset, int count) {
			if (!buffers(count)) {
				out.write(text, offset, count);
				return;
			}
			text.getChars(offset, offset + count, chars, length);
			length += count;
		}

		@Override
		public void write(int c) {
			if (chars == null) {
				out.write(c);
				return;
			}
			if (length == CHARS) {
				drain();
			}
			chars[length++] = (char) c;
		}

		@Override
		public void flush() {
			drain();
			out.flush();
		}

		@Override
		public void close() {
			drain();
			out.close();
		}

		void discard() {
			length = 0;
		}

		/** What is buffered goes out; from now on pieces are written straight through. */
		void passThrough() {
			drain();
			chars = null;
		}

		/**
		 * Whether a piece of this length is buffered, room made for it; if not (it is as long as the buffer, or the
		 * work has ended), what was buffered has gone out and the piece goes straight after it.
		 */
		private boolean buffers(int count) {
			if (chars == null || count >= CHARS) {
				drain();
				return false;
			}
			if (length + count > CHARS) {
				drain();
			}
			return true;
		}

		private void drain() {
			if (length > 0) {
				out.write(chars, 0, length);
				length = 0;
			}
		}

	}

}
