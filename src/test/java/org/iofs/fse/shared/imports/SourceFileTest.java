package org.iofs.fse.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFileTest {

	@TempDir
	Path folder;

	@Test
	void detectsLatin1Utf8AndTheByteOrderMark() throws IOException {
		Path latin1 = write("latin1.csv", "Côte d'Ivoire\n".getBytes(StandardCharsets.ISO_8859_1));
		Path utf8 = write("utf8.csv", "Côte d'Ivoire\n".getBytes(StandardCharsets.UTF_8));
		Path bom = write("bom.csv", ("\uFEFF" + "Côte d'Ivoire\n").getBytes(StandardCharsets.UTF_8));

		for (Path file : List.of(latin1, utf8, bom)) {
			try (SourceFile source = SourceFile.open(file); Reader reader = source.reader()) {
				assertThat(read(reader)).as(file.getFileName().toString()).isEqualTo("Côte d'Ivoire\n");
			}
		}
	}

	@Test
	void readsUtf16WithItsByteOrderMark() throws IOException {
		Path little = write("le.csv", ("\uFEFF" + "Côte d'Ivoire\n").getBytes(StandardCharsets.UTF_16LE));
		Path big = write("be.csv", ("\uFEFF" + "Côte d'Ivoire\n").getBytes(StandardCharsets.UTF_16BE));

		for (Path file : List.of(little, big)) {
			try (SourceFile source = SourceFile.open(file); Reader reader = source.reader()) {
				assertThat(read(reader)).as(file.getFileName().toString()).isEqualTo("Côte d'Ivoire\n");
			}
		}
	}

	@Test
	void refusesUtf16WithoutItsMarkNamingTheLine() throws IOException {
		Path file = write("no-mark.csv", "date,market\n".getBytes(StandardCharsets.UTF_16LE));

		assertThatThrownBy(() -> SourceFile.open(file)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 1").hasMessageContaining("UTF-16");
	}

	@Test
	void refusesAFileMixingUtf8AndLatin1NamingBothLines() throws IOException {
		ByteArrayOutputStream mixed = new ByteArrayOutputStream();
		mixed.write("date,market\n2020-01-15,Kaboul\n".getBytes(StandardCharsets.US_ASCII));
		mixed.write("2020-02-15,Côte\n".getBytes(StandardCharsets.UTF_8));
		mixed.write("2020-03-15,Côte\n".getBytes(StandardCharsets.ISO_8859_1));
		Path file = write("mixed.csv", mixed.toByteArray());

		assertThatThrownBy(() -> SourceFile.open(file)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 4 is not UTF-8 while line 3 is");
	}

	@Test
	void reportsHowFarItHasRead() throws IOException {
		Path big = write("big.csv", "x".repeat(3 * (1 << 20) + 10).getBytes(StandardCharsets.US_ASCII));
		List<Long> reports = new ArrayList<>();

		try (SourceFile source = SourceFile.open(big); Reader reader = source.reader(reports::add)) {
			read(reader);
		}

		assertThat(reports).hasSizeGreaterThanOrEqualTo(3).isSorted();
		assertThat(reports.get(reports.size() - 1)).isLessThanOrEqualTo(Files.size(big));
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(folder.resolve(name), content);
	}

	private static String read(Reader reader) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) > 0;) {
			text.append(buffer, 0, n);
		}
		return text.toString();
	}

}
