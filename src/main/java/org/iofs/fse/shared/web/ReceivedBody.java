package org.iofs.fse.shared.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read in full before it was worked on ({@link ConcurrencyLimit}), so that a sender who
 * trickles its body holds no turn while it does. Its handlers read the same bytes from here.
 */
final class ReceivedBody extends HttpServletRequestWrapper {

	private final byte[] body;

	private ServletInputStream stream;

	private ReceivedBody(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * The request with its body read, when it has one of a known length up to {@code maxBytes}; the request itself
	 * when it has none, or its form parameters once read (the server reads a posted form's body itself, and would
	 * find it gone had it been read here); null when its body is longer, of unknown length, or multipart (the
	 * server reads the parts itself too).
	 */
	static HttpServletRequest receive(HttpServletRequest request, int maxBytes) throws IOException {
		long length = request.getContentLengthLong();
		if (length <= 0) {
			return request.getHeader("Transfer-Encoding") == null ? request : null;
		}
		String type = request.getContentType();
		if (length > maxBytes || type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			return null;
		}
		if ("POST".equals(request.getMethod()) && type != null
				&& type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)) {
			request.getParameterMap();
			return request;
		}
		byte[] bytes = request.getInputStream().readNBytes((int) length);
		return new ReceivedBody(request, bytes);
	}

	@Override
	public ServletInputStream getInputStream() {
		if (stream == null) {
			stream = streamOf(new ByteArrayInputStream(body));
		}
		return stream;
	}

	private static ServletInputStream streamOf(ByteArrayInputStream bytes) {
		return new ServletInputStream() {

			@Override
			public int read() {
				return bytes.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return bytes.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return bytes.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("the body was read already");
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

}
