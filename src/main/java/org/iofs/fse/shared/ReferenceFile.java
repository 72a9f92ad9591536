package org.iofs.fse.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads one of the project's reference files (UTF-8 CSV with a header row, under {@code reference/} on the
 * classpath). A row that cannot be mapped fails with the file, line and reason, so a bad edit never loads half.
 */
public final class ReferenceFile {

	private final String name;

	public ReferenceFile(String name) {
		this.name = name;
	}

	public <T> List<T> read(Set<String> requiredColumns, Function<NamedCsvRecord, T> mapper) {
		ClassPathResource resource = new ClassPathResource("reference/" + name);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			List<T> rows = new ArrayList<>();
			for (NamedCsvRecord row : csv) {
				if (rows.isEmpty() && !row.getHeader().containsAll(requiredColumns)) {
					throw new IllegalStateException(name + ": header must contain " + requiredColumns);
				}
				try {
					rows.add(mapper.apply(row));
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException(
							name + " line " + row.getStartingLineNumber() + ": " + ex.getMessage(), ex);
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference file " + name, ex);
		}
	}

}
