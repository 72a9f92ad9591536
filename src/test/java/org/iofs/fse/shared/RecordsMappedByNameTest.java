package org.iofs.fse.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements read their rows into records with {@link RecordRowMapper}, never with {@code JdbcClient}'s
 * {@code query(SomeRecord.class)}, whose lookup of each camel-cased argument costs PostgreSQL's driver an exception
 * per row. A single value ({@code query(Long.class)}) is read as one column and stays as it is.
 */
class RecordsMappedByNameTest {

	private static final Pattern MAPPED_BY_CLASS = Pattern.compile("\\.query\\(([A-Z][\\w.]*)\\.class\\)");

	private static final Set<String> SINGLE_VALUES = Set.of("Long", "Integer", "Short", "Boolean", "String",
			"BigDecimal", "Double", "UUID", "LocalDate", "Instant", "OffsetDateTime", "Timestamp", "Date");

	@Test
	void noStatementMapsARecordByItsClass() throws Exception {
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = MAPPED_BY_CLASS.matcher(Files.readString(source));
				while (matcher.find()) {
					String type = matcher.group(1);
					if (!SINGLE_VALUES.contains(type.substring(type.lastIndexOf('.') + 1))) {
						found.add(source.getFileName() + ": query(" + type + ".class)");
					}
				}
			}
		}
		assertThat(found).as("use .query(RecordRowMapper.of(X.class))").isEmpty();
	}

}
