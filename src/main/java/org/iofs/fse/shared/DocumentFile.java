package org.iofs.fse.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document a user uploads (a certificate, an application's papers, a project's reports): a PDF or a PNG or JPEG
 * image known by its first bytes whatever its name says, at most 20 MB, kept with its SHA-256 so that a copy can be
 * checked against it and the same file twice stored once.
 */
public record DocumentFile(byte[] bytes, String mediaType, String sha256) {

	/** The largest document accepted; readers read one byte more to tell a file just too large. */
	public static final int MAX_BYTES = 20 * 1024 * 1024;

	/** The file checked, or a refusal naming the field. */
	public static DocumentFile of(byte[] bytes, String field) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException(field, "is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(field, "is larger than 20 MB");
		}
		return new DocumentFile(bytes, typeOf(bytes, field), sha256(bytes));
	}

	/** The document's type from its first bytes: %PDF-, the PNG signature, or a JPEG start of image. */
	public static String typeOf(byte[] bytes, String field) {
		if (startsWith(bytes, new byte[] { '%', 'P', 'D', 'F', '-' })) {
			return "application/pdf";
		}
		if (startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return "image/png";
		}
		if (startsWith(bytes, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return "image/jpeg";
		}
		throw new InvalidInputException(field, "is not a PDF, PNG or JPEG file (read from its bytes)");
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
