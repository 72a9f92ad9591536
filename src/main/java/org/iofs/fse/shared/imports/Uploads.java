package org.iofs.fse.shared.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iofs.fse.shared.InvalidInputException;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded file spooled to a temporary file for an importer, deleted when closed. */
public final class Uploads {

	@FunctionalInterface
	public interface Import<T> {

		T run(Path file, String originalName) throws IOException;

	}

	private Uploads() {
	}

	/** For the API: an empty upload is a 400 naming {@code file} (a page lets the importer report it instead). */
	public static MultipartFile requireContent(MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "is empty");
		}
		return file;
	}

	/** Runs the import on a temporary copy of the upload, deleted afterwards. */
	public static <T> T withTemporaryCopy(MultipartFile file, Import<T> importer) throws IOException {
		Path upload = Files.createTempFile("fse-upload-", ".bin");
		try {
			file.transferTo(upload);
			return importer.run(upload, originalName(file));
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	/** The file's name as the browser sent it, without any folder. */
	public static String originalName(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "upload" : Path.of(name).getFileName().toString();
	}

}
