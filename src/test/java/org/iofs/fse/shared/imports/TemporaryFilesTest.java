package org.iofs.fse.shared.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Files left by a process that died are removed at the next start; a running process's are not. */
class TemporaryFilesTest {

	@TempDir
	Path tmp;

	@Test
	void removesTheFoldersOfDeadProcessesOnly() throws IOException {
		// Above Linux's largest process id, so no process can have it.
		Path dead = Files.createDirectories(tmp.resolve("fse-platform/4194305"));
		Files.writeString(dead.resolve("fse-upload-1.bin"), "left by kill -9");
		Path alive = Files.createDirectories(tmp.resolve("fse-platform/1"));
		Files.writeString(alive.resolve("fse-upload-2.bin"), "in use by process 1");

		TemporaryFiles files = new TemporaryFiles(tmp);
		Path mine = files.newFile("fse-upload-", ".bin");

		assertThat(dead).doesNotExist();
		assertThat(alive.resolve("fse-upload-2.bin")).exists();
		assertThat(mine).exists();
		files.destroy();
		assertThat(mine).doesNotExist();
	}

}
