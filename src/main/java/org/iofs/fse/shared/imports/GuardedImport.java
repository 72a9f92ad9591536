package org.iofs.fse.shared.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The frame of every file import: the file is opened (and hashed), the import runs, and whatever makes the file
 * unusable (unreadable bytes, a header the importer does not know, a row problem under the REJECT policy, a
 * broken CSV) becomes a refusal with a message naming the file, instead of an error. The import runs its own
 * transaction, so a refusal leaves nothing behind; the refusal itself is then recorded by the importer.
 */
public final class GuardedImport {

	/** Thrown inside an import's transaction to roll it back when row problems reject the file. */
	public static final class RowsRejected extends RuntimeException {

		public RowsRejected(long problems) {
			super(problems + " rows could not be read; nothing was imported", null, false, false);
		}

	}

	@FunctionalInterface
	public interface Load<R> {

		R run(SourceFile source) throws IOException;

	}

	private GuardedImport() {
	}

	/**
	 * @param rejected makes the report of a refused file from its SHA-256 (empty when the file could not even be
	 *        read) and the reason
	 */
	public static <R> R run(ImportFiles files, Path file, String fileName, Load<R> load,
			BiFunction<String, String, R> rejected) {
		String sha256 = "";
		try (SourceFile source = files.open(file)) {
			sha256 = source.sha256();
			return load.run(source);
		}
		catch (RowsRejected ex) {
			return rejected.apply(sha256, ex.getMessage());
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			return rejected.apply(sha256, fileName + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			if (ex.getClass().getName().startsWith("de.siegmar.fastcsv")) {
				return rejected.apply(sha256, fileName + ": not a readable CSV file (" + ex.getMessage() + ")");
			}
			throw ex;
		}
	}

	/** Milliseconds since a {@link System#nanoTime()} reading. */
	public static long elapsedMillis(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
