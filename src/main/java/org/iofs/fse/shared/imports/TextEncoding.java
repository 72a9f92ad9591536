package org.iofs.fse.shared.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set a text file is written in, read from its bytes. A byte-order mark says it (UTF-8, UTF-16 little
 * or big endian). Without one: UTF-8 when every byte sequence is valid UTF-8, Latin-1 (FAOSTAT's bulk files) when
 * none of its non-ASCII bytes form UTF-8. A file that is both (some lines UTF-8, others Latin-1, as when files are
 * pasted together) or that holds NUL bytes (UTF-16 without its mark) cannot be read right whatever the guess, so it
 * is refused, naming the line.
 */
record TextEncoding(Charset charset, int bomLength) {

	static TextEncoding of(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			byte[] start = in.readNBytes(3);
			if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
				return new TextEncoding(StandardCharsets.UTF_8, 3);
			}
			if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
				return new TextEncoding(StandardCharsets.UTF_16LE, 2);
			}
			if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
				return new TextEncoding(StandardCharsets.UTF_16BE, 2);
			}
		}
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			return new Scan().read(in);
		}
	}

	/** One pass over the bytes: where the first invalid UTF-8 sequence is, and the first valid multi-byte one. */
	private static final class Scan {

		private long line = 1;

		private long firstInvalid = -1;

		private long firstMultibyte = -1;

		/** Continuation bytes still expected, and the range the next one must fall in. */
		private int remaining;

		private int low = 0x80;

		private int high = 0xBF;

		TextEncoding read(InputStream in) throws IOException {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					accept(buffer[i] & 0xFF);
				}
				if (firstInvalid >= 0 && firstMultibyte >= 0) {
					break;
				}
			}
			if (remaining > 0) {
				invalid();
			}
			if (firstInvalid < 0) {
				return new TextEncoding(StandardCharsets.UTF_8, 0);
			}
			if (firstMultibyte < 0) {
				return new TextEncoding(StandardCharsets.ISO_8859_1, 0);
			}
			throw new IllegalArgumentException("line " + firstInvalid + " is not UTF-8 while line " + firstMultibyte
					+ " is: the file mixes character encodings; save it again in one (UTF-8)");
		}

		private void accept(int b) {
			if (b == 0) {
				throw new IllegalArgumentException("line " + line + " holds a NUL byte: the file looks like UTF-16 "
						+ "without a byte-order mark; save it as UTF-8, or as UTF-16 with its mark");
			}
			if (remaining > 0) {
				if (b >= low && b <= high) {
					low = 0x80;
					high = 0xBF;
					if (--remaining == 0 && firstMultibyte < 0) {
						firstMultibyte = line;
					}
					return;
				}
				invalid();
			}
			if (b == '\n') {
				line++;
			}
			if (b < 0x80) {
				return;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				expect(1, 0x80, 0xBF);
			}
			else if (b == 0xE0) {
				expect(2, 0xA0, 0xBF);
			}
			else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
				expect(2, 0x80, 0xBF);
			}
			else if (b == 0xED) {
				expect(2, 0x80, 0x9F);
			}
			else if (b == 0xF0) {
				expect(3, 0x90, 0xBF);
			}
			else if (b >= 0xF1 && b <= 0xF3) {
				expect(3, 0x80, 0xBF);
			}
			else if (b == 0xF4) {
				expect(3, 0x80, 0x8F);
			}
			else {
				invalid();
			}
		}

		private void expect(int continuations, int first, int last) {
			remaining = continuations;
			low = first;
			high = last;
		}

		private void invalid() {
			remaining = 0;
			low = 0x80;
			high = 0xBF;
			if (firstInvalid < 0) {
				firstInvalid = line;
			}
		}

	}

}
