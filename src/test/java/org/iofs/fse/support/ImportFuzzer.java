package org.iofs.fse.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A mutation fuzzer for the importers' readers: it starts from seed files (real samples and hand-made edge cases),
 * mutates them (characters, fields, lines, truncation, splicing two inputs; one to four mutations each) and hands
 * every input to the reader. Each input must end in a report (the reader returns) or in a rejection (an exception
 * the import frame turns into a refused import); any other exception fails the run, and the input is kept under
 * {@code target/fuzz/} to reproduce it. An input whose outcome is new (a report or rejection of a kind not seen yet)
 * joins the corpus, so that the fuzzer goes on from the inputs that reach further into the reader.
 * <p>
 * {@code -Dfuzz.inputs} sets the number of inputs (the normal suite runs a few thousand per importer;
 * {@code mvn -Pfuzz verify} a million), {@code -Dfuzz.seed} the random seed (printed, so a run can be repeated).
 */
public final class ImportFuzzer {

	/** Reads one input; returns the outcome's kind (a report's counts or problems, in words) for corpus growth. */
	@FunctionalInterface
	public interface Reader {

		String read(String input) throws Exception;

	}

	public record Result(long inputs, long reports, long rejections, int corpus, long seed) {

		@Override
		public String toString() {
			return String.format("%,d inputs: %,d reports, %,d rejections; corpus %d; seed %d", inputs, reports,
					rejections, corpus, seed);
		}

	}

	private static final int MAX_CORPUS = 2_000;

	private static final String[] VALUES = { "", " ", "-1", "0", "-0", "0.0001", "1e309", "-1e-400", "NaN", "Infinity",
			"99999999999999999999999", "1,5", "1.2.3", "٣٫٥", "١٢٣", "0x1F", "+7", "2024-13", "2024-00-10", "0000-01-01",
			"9999-12-31", "2024-02-30", "1/15/2002", "\"", "\"\"", "\"a,b\"", "null", "NULL", "\t", "#", "#adm1+name",
			"\u0000", "\uFEFF", "\uD800", "ل", "Côte d'Ivoire", "x".repeat(5_000), "USD", "usd", "XXX", "KG", "90 KG",
			"0 KG", "-5 KG", "L", "MT", "actual", "aggregate", "forecast", "YEM", "yem", "AFG", "ZZZ", "2805", "5511",
			"5142", "Y2023", "2023", "-2023", "F", "E", "true", "false", "TRUE", "sea", "rail", "road", "air" };

	private static final String CHARACTERS = ",\"\n\r;\t\u0000\uFEFF-.0123456789eE+ #aZ،٣é\\/'";

	private ImportFuzzer() {
	}

	public static int inputs(int normalRun) {
		return Integer.getInteger("fuzz.inputs", normalRun);
	}

	/**
	 * @param rejection whether an exception is a refusal the import frame reports (and not a fault)
	 */
	public static Result run(String name, List<String> seeds, Predicate<Throwable> rejection, Reader reader,
			int inputs) {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		List<String> corpus = new ArrayList<>(seeds);
		Set<String> outcomes = new HashSet<>();
		long reports = 0;
		long rejections = 0;
		for (long n = 0; n < inputs; n++) {
			String input = n < seeds.size() ? seeds.get((int) n) : mutate(corpus, random);
			String outcome;
			try {
				outcome = "report: " + reader.read(input);
				reports++;
			}
			catch (Throwable ex) {
				if (!rejection.test(ex)) {
					throw new AssertionError(name + ": input " + n + " (seed " + seed + ") ended in " + ex
							+ " instead of a report or a rejection; the input is in " + keep(name, input) + "\n"
							+ trace(ex), ex);
				}
				outcome = "rejected: " + ex.getClass().getSimpleName() + " " + words(ex.getMessage());
				rejections++;
			}
			if (outcomes.add(outcome) && corpus.size() < MAX_CORPUS) {
				corpus.add(input);
			}
		}
		return new Result(inputs, reports, rejections, corpus.size(), seed);
	}

	/** The first words of a message, without the numbers and quoted values that would make every outcome new. */
	public static String words(String message) {
		if (message == null) {
			return "";
		}
		String bare = message.replaceAll("'[^']*'", "''").replaceAll("[0-9]+", "#");
		return bare.length() > 80 ? bare.substring(0, 80) : bare;
	}

	static String mutate(List<String> corpus, Random random) {
		String input = corpus.get(random.nextInt(corpus.size()));
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations; m++) {
			input = mutateOnce(input, corpus, random);
		}
		return input;
	}

	private static String mutateOnce(String input, List<String> corpus, Random random) {
		int length = input.length();
		int at = length == 0 ? 0 : random.nextInt(length);
		switch (random.nextInt(9)) {
			case 0 -> {
				char c = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
				return length == 0 ? String.valueOf(c) : input.substring(0, at) + c + input.substring(at + 1);
			}
			case 1 -> {
				int end = Math.min(length, at + 1 + random.nextInt(20));
				return input.substring(0, at) + input.substring(end);
			}
			case 2 -> {
				int end = Math.min(length, at + 1 + random.nextInt(40));
				int to = length == 0 ? 0 : random.nextInt(length);
				return input.substring(0, to) + input.substring(at, end) + input.substring(to);
			}
			case 3, 4 -> {
				return replaceField(input, random);
			}
			case 5 -> {
				return editLines(input, random);
			}
			case 6 -> {
				return input.substring(0, at);
			}
			case 7 -> {
				String other = corpus.get(random.nextInt(corpus.size()));
				int from = other.isEmpty() ? 0 : random.nextInt(other.length());
				return input.substring(0, at) + other.substring(from);
			}
			default -> {
				char c = (char) random.nextInt(0x700);
				return input.substring(0, at) + c + input.substring(at);
			}
		}
	}

	/** One comma-separated field of one line, replaced by a value importers trip on. */
	private static String replaceField(String input, Random random) {
		String[] lines = input.split("\n", -1);
		int line = random.nextInt(lines.length);
		String[] fields = lines[line].split(",", -1);
		fields[random.nextInt(fields.length)] = VALUES[random.nextInt(VALUES.length)];
		lines[line] = String.join(",", fields);
		return String.join("\n", lines);
	}

	/** A line deleted, repeated or moved. */
	private static String editLines(String input, Random random) {
		List<String> lines = new ArrayList<>(List.of(input.split("\n", -1)));
		int line = random.nextInt(lines.size());
		switch (random.nextInt(3)) {
			case 0 -> lines.remove(line);
			case 1 -> lines.add(line, lines.get(line));
			default -> lines.add(random.nextInt(lines.size()), lines.remove(line));
		}
		return String.join("\n", lines);
	}

	/** The first lines of a sample file, as a seed. */
	public static String head(Path file, int lines) throws IOException {
		try (var all = Files.lines(file, StandardCharsets.UTF_8)) {
			return String.join("\n", all.limit(lines).toList()) + "\n";
		}
	}

	private static Path keep(String name, String input) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "fuzz"));
			Path file = folder.resolve(name + "-failure-" + System.nanoTime() + ".csv");
			Files.writeString(file, input, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			return Path.of("(not kept: " + ex.getMessage() + ")");
		}
	}

	private static String trace(Throwable ex) {
		StringWriter text = new StringWriter();
		ex.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

}
