package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's password: generated at the first start, kept in the data folder in a file only the
 * platform's operating-system user may read ({@code rw-------}).
 */
public final class DatabasePassword {

	private static final Logger log = LoggerFactory.getLogger(DatabasePassword.class);

	static final String FILE = "database-password";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private DatabasePassword() {
	}

	static Path file(Path dataFolder) {
		return dataFolder.resolve(FILE);
	}

	/** A password being set on a server that had none, before it is known to be in force. */
	public static Path pending(Path dataFolder) {
		return dataFolder.resolve(FILE + ".new");
	}

	static Optional<String> read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		keepOwnerOnly(file);
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		return password.isEmpty() ? Optional.empty() : Optional.of(password);
	}

	/** Writes a new random password to the file, readable by its owner only from the moment it exists. */
	static String create(Path file) throws IOException {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Files.createDirectories(file.getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		if (posix()) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	static void promote(Path pending, Path file) throws IOException {
		Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void keepOwnerOnly(Path file) throws IOException {
		if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} could be read by other users; making it readable by its owner only", file);
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
