package org.iofs.fse.shared.imports;

import java.nio.file.Path;

import org.iofs.fse.shared.InvalidInputException;

import org.springframework.web.multipart.MultipartFile;

/** What every upload endpoint checks of an uploaded file; {@link ImportFiles} spools it for the importer. */
public final class Uploads {

	private Uploads() {
	}

	/** For the API: an empty upload is a 400 naming {@code file} (a page lets the importer report it instead). */
	public static MultipartFile requireContent(MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "is empty");
		}
		return file;
	}

	/** The file's name as the browser sent it, without any folder. */
	public static String originalName(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "upload" : Path.of(name).getFileName().toString();
	}

}
