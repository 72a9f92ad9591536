package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a field connection a page's second load fetches only its HTML and data: static files are linked under
 * addresses that name their content and are kept for a year, and text is sent compressed.
 */
class StaticDeliveryIT extends PlatformIT {

	private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src|data-world)=\"(/(?:css|js|webjars|maps)/[^\"]+)\"");

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void staticFilesAreLinkedByTheirContentAndKeptForAYear() {
		HttpResponse<byte[]> page = get("/");
		assertThat(page.headers().firstValue("Content-Encoding")).as("the home page compressed").hasValue("gzip");
		String html = gunzip(page.body());
		List<String> links = new ArrayList<>();
		Matcher matcher = STATIC_LINK.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		assertThat(links).as("the page's scripts, styles and map").hasSizeGreaterThanOrEqualTo(4);
		for (String link : links) {
			assertThat(link).as("versioned by content").matches(".*-[0-9a-f]{32}\\.[a-z]+");
			HttpResponse<byte[]> file = get(link);
			assertThat(file.statusCode()).as(link).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(link).hasValueSatisfying(
					value -> assertThat(value).contains("max-age=31536000").contains("public"));
			if (file.body().length > 1024) {
				assertThat(file.headers().firstValue("Content-Encoding")).as(link + " compressed").hasValue("gzip");
			}
		}
	}

	@Test
	void jsonAnswersAreCompressed() {
		HttpResponse<byte[]> countries = get("/api/v1/countries");
		assertThat(countries.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(countries.body())).contains("\"iso3\"");
	}

	private HttpResponse<byte[]> get(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(http.base() + path))
				.header("Accept-Encoding", "gzip")
				.header("Accept-Language", "en")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String gunzip(byte[] bytes) {
		try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
