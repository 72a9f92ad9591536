package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template holds visible text of its own: text and the attributes a reader sees or hears come from the message
 * bundles, so every page exists in the three languages. Inline scripts and styles are refused too (the
 * Content-Security-Policy will not allow them).
 */
class TemplateTextTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	// Option and progress values are data, not text; submit buttons are <button>s, whose text is checked.
	static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label");

	@Test
	void templatesHoldNoLiteralText() throws Exception {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				problems.addAll(check(template));
			}
		}
		assertThat(problems).isEmpty();
	}

	private static List<String> check(Path template) throws IOException, ParseException {
		TextFinder finder = new TextFinder(TEMPLATES.relativize(template).toString());
		try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
			new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(reader, finder);
		}
		return finder.problems;
	}

	static class TextFinder extends AbstractMarkupHandler {

		final String name;

		final List<String> problems = new ArrayList<>();

		final Deque<String> elements = new ArrayDeque<>();

		boolean scriptWithSource;

		TextFinder(String name) {
			this.name = name;
		}

		@Override
		public void handleOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			elements.push(new String(buffer, nameOffset, nameLen).toLowerCase());
			scriptWithSource = false;
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			if (elements.peek() != null && elements.peek().equals("style")) {
				problems.add(name + ":" + line + " inline <style>");
			}
		}

		@Override
		public void handleCloseElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			if (!elements.isEmpty()) {
				elements.pop();
			}
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			String attribute = new String(buffer, nameOffset, nameLen).toLowerCase();
			String value = new String(buffer, valueContentOffset, valueContentLen);
			if ("script".equals(elements.peek()) && (attribute.equals("src") || attribute.equals("th:src"))) {
				scriptWithSource = true;
			}
			if (VISIBLE_ATTRIBUTES.contains(attribute) && !value.isBlank()) {
				problems.add(name + ":" + nameLine + " literal " + attribute + "=\"" + value + "\"");
			}
			if (attribute.equals("style") || attribute.startsWith("on")) {
				problems.add(name + ":" + nameLine + " inline " + attribute);
			}
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			String text = new String(buffer, offset, len).strip();
			if (text.isEmpty()) {
				return;
			}
			if ("script".equals(elements.peek())) {
				problems.add(name + ":" + line + " inline script");
				return;
			}
			problems.add(name + ":" + line + " literal text \"" + text + "\"");
		}

	}

}
