package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * An answer kept in the server's buffer while its request holds a turn ({@link ConcurrencyLimit}): the flushes that
 * pages (Thymeleaf, after writing a page) and the API (Spring, after writing a body) ask for are put off until the
 * turn is given back, so that a client that reads slowly holds no turn while the answer goes out. An answer longer
 * than the buffer still goes out as it is written; once the turn is given back (a download that streams on after
 * its request), flushes pass.
 */
final class BufferedAnswer extends HttpServletResponseWrapper {

	private volatile boolean held = true;

	private ServletOutputStream stream;

	private PrintWriter writer;

	BufferedAnswer(HttpServletResponse response) {
		super(response);
	}

	/** From now on flushes pass. */
	void release() {
		held = false;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (!held) {
			super.flushBuffer();
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (stream == null) {
			stream = new HeldStream(super.getOutputStream());
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (writer == null) {
			writer = new PrintWriter(super.getWriter()) {

				@Override
				public void flush() {
					if (!held) {
						super.flush();
					}
				}

			};
		}
		return writer;
	}

	private final class HeldStream extends ServletOutputStream {

		private final ServletOutputStream out;

		HeldStream(ServletOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (!held) {
				out.flush();
			}
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}

	}

}
