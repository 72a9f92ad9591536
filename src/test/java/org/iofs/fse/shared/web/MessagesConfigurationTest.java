package org.iofs.fse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;

class MessagesConfigurationTest {

	private final MessageSource messages = messages();

	private static MessageSource messages() {
		MessageSourceProperties properties = new MessageSourceProperties();
		properties.setBasename(List.of("messages/messages"));
		properties.setFallbackToSystemLocale(false);
		return new MessagesConfiguration().messageSource(properties);
	}

	@Test
	void formatsMessagesWithArgumentsInEachLanguage() {
		Object[] window = { "1 Jan", "31 Mar" };
		assertThat(messages.getMessage("trade.window", window, Locale.ENGLISH)).isEqualTo("1 Jan to 31 Mar");
		assertThat(messages.getMessage("trade.window", window, Locale.FRENCH)).isEqualTo("du 1 Jan au 31 Mar");
		assertThat(messages.getMessage("trade.window", window, Locale.forLanguageTag("ar")))
			.isEqualTo("من 1 Jan إلى 31 Mar");
	}

	@Test
	void eachCallFormatsOnItsOwnCopy() {
		MessagesConfiguration.FormatPerCall source = (MessagesConfiguration.FormatPerCall) messages;
		assertThat(source.resolveCode("trade.window", Locale.ENGLISH))
			.isNotSameAs(source.resolveCode("trade.window", Locale.ENGLISH))
			.isEqualTo(source.resolveCode("trade.window", Locale.ENGLISH));
		assertThat(source.resolveCode("no.such.message", Locale.ENGLISH)).isNull();
	}

	@Test
	void concurrentCallersEachGetTheirOwnArguments() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 2_000)
				.mapToObj(i -> pool.submit(() -> messages
					.getMessage("trade.window", new Object[] { "a" + i, "b" + i }, Locale.ENGLISH)
					.equals("a" + i + " to b" + i)))
				.toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
