package org.iofs.fse.allocation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A plan's MPS model as it is kept: gzipped at the fastest level, a fifth of the text's size (a 60-hub model: 20 MB of
 * text, 3.6 MB kept, compressed in about 150 ms while the solver runs).
 */
final class ModelText {

	private ModelText() {
	}

	static byte[] gzip(String mps) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, mps.length() / 4));
		try (GZIPOutputStream out = new FastGzip(bytes)) {
			out.write(mps.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static String gunzip(byte[] gzipped) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class FastGzip extends GZIPOutputStream {

		FastGzip(ByteArrayOutputStream out) throws IOException {
			super(out, 1 << 16);
			def.setLevel(Deflater.BEST_SPEED);
		}

	}

}
