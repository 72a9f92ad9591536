package org.iofs.fse.shared.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A file as uploaded: its SHA-256 (of the bytes received), the data CSV inside it when it is a zip (FAOSTAT bulk),
 * and the character set of that CSV ({@link TextEncoding}: FAOSTAT bulk files are Latin-1, web exports UTF-8 with a
 * byte-order mark; a file mixing encodings is refused). Everything is streamed: a zip entry is copied to a
 * temporary file, never held in memory.
 */
public final class SourceFile implements AutoCloseable {

	private final String sha256;

	private final Path csv;

	private final boolean temporary;

	private final Charset charset;

	private final int bomLength;

	private SourceFile(String sha256, Path csv, boolean temporary) throws IOException {
		this.sha256 = sha256;
		this.csv = csv;
		this.temporary = temporary;
		TextEncoding encoding = TextEncoding.of(csv);
		this.bomLength = encoding.bomLength();
		this.charset = encoding.charset();
	}

	/** A file as it is, with the default limits on zips and the default temporary folder (tests, tools). */
	public static SourceFile open(Path file) throws IOException {
		return open(file, new UploadSettings(org.springframework.util.unit.DataSize.ofGigabytes(1),
				org.springframework.util.unit.DataSize.ofGigabytes(8), 200, 1000), Files::createTempFile);
	}

	/** Where an unpacked zip entry goes. */
	@FunctionalInterface
	public interface Spool {

		Path newFile(String prefix, String suffix) throws IOException;

	}

	/**
	 * Opens a file; a zip's data file is unpacked to a temporary file, within the limits: no more than the maximum
	 * number of entries, and no more bytes unpacked than the limit, counted as they stream (a zip's declared sizes
	 * can lie), so a zip bomb is refused before it fills the disk.
	 */
	public static SourceFile open(Path file, UploadSettings limits, Spool spool) throws IOException {
		String sha256 = sha256(file);
		if (!isZip(file)) {
			return new SourceFile(sha256, file, false);
		}
		long maxUnpacked = limits.maxUnpackedBytes(Files.size(file));
		Path extracted = spool.newFile("fse-import-", ".csv");
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			int entries = 0;
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > limits.maxZipEntries()) {
					throw new IllegalArgumentException("the zip holds more than " + limits.maxZipEntries() + " entries");
				}
				if (isDataFile(entry.getName())) {
					copyAtMost(zip, extracted, maxUnpacked);
					return new SourceFile(sha256, extracted, true);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(extracted);
			throw ex;
		}
		Files.deleteIfExists(extracted);
		throw new IllegalArgumentException("the zip holds no data file (a .csv other than the code lists)");
	}

	private static void copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		try (java.io.OutputStream out = Files.newOutputStream(target)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > maxBytes) {
					throw new IllegalArgumentException("the zip unpacks to more than " + maxBytes
							+ " bytes, the most allowed for a zip of this size (fse.uploads.max-unpacked-size, "
							+ "fse.uploads.max-unpack-ratio)");
				}
				out.write(buffer, 0, n);
			}
		}
	}

	/** The data file of a bulk zip: the CSV that is not one of its code lists (areas, items, elements, flags). */
	static boolean isDataFile(String entryName) {
		String name = entryName.toLowerCase(Locale.ROOT);
		return name.endsWith(".csv") && !name.contains("/.") && !name.endsWith("_areacodes.csv")
				&& !name.endsWith("_itemcodes.csv") && !name.endsWith("_elements.csv") && !name.endsWith("_flags.csv");
	}

	public Reader reader() throws IOException {
		return reader(bytes -> {
		});
	}

	/** A reader that reports how many bytes of the CSV it has consumed, about every megabyte. */
	public Reader reader(LongConsumer bytesRead) throws IOException {
		InputStream in = new CountingInputStream(Files.newInputStream(csv), bytesRead);
		in.skipNBytes(bomLength);
		return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
	}

	public long size() throws IOException {
		return Files.size(csv);
	}

	public String sha256() {
		return sha256;
	}

	public Charset charset() {
		return charset;
	}

	@Override
	public void close() {
		if (temporary) {
			try {
				Files.deleteIfExists(csv);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static final class CountingInputStream extends java.io.FilterInputStream {

		private final LongConsumer listener;

		private long count;

		private long reported;

		CountingInputStream(InputStream in, LongConsumer listener) {
			super(in);
			this.listener = listener;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			count += n;
			if (count - reported >= (1 << 20)) {
				reported = count;
				listener.accept(count);
			}
		}

	}

	/** By content, not by name: a zip starts with "PK\3\4". */
	private static boolean isZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	private static String sha256(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
