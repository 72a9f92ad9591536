package org.iofs.fse.shared.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files on their way into an import: an upload copied out of the request into this process's temporary folder and
 * deleted when the import ends however it ends, and a file opened within the limits on zips.
 */
@Component
@EnableConfigurationProperties(UploadSettings.class)
public class ImportFiles {

	private final UploadSettings limits;

	private final TemporaryFiles temporary;

	ImportFiles(UploadSettings limits, TemporaryFiles temporary) {
		this.limits = limits;
		this.temporary = temporary;
	}

	@FunctionalInterface
	public interface Import<T> {

		T run(Path file, String originalName) throws IOException;

	}

	/** Runs the import on a temporary copy of the upload, deleted afterwards whatever happens. */
	public <T> T withTemporaryCopy(MultipartFile file, Import<T> importer) throws IOException {
		Path upload = temporary.newFile("fse-upload-", ".bin");
		try {
			file.transferTo(upload);
			return importer.run(upload, Uploads.originalName(file));
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	public SourceFile open(Path file) throws IOException {
		return SourceFile.open(file, limits, temporary::newFile);
	}

}
