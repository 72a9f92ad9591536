package org.iofs.fse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client: keeps cookies, reads CSRF tokens from the pages' forms, signs in through the form. */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final String base;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form with the CSRF token of the given page, as a browser would after loading it. */
	public HttpResponse<String> post(String path, Map<String, String> fields, String csrfPage, String... headers) {
		String token = csrfTokenOf(csrfPage);
		return postEncoded(path, java.util.List.copyOf(withCsrf(fields, token).entrySet()), headers);
	}

	public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
		return postEncoded(path, java.util.List.copyOf(fields.entrySet()));
	}

	private HttpResponse<String> postEncoded(String path, java.util.List<Map.Entry<String, String>> fields,
			String... headers) {
		String body = fields.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	/** Posts a form whose fields repeat (rows of a table), in order, with the CSRF token of the given page. */
	public HttpResponse<String> postRows(String path, java.util.List<Map.Entry<String, String>> fields,
			String csrfPage) {
		var all = new java.util.ArrayList<>(fields);
		all.add(Map.entry("_csrf", csrfTokenOf(csrfPage)));
		return postEncoded(path, all);
	}

	/** Uploads a file as a browser form does: multipart, with the CSRF token of the given page. */
	public HttpResponse<String> postFile(String path, String fileName, byte[] content, String csrfPage,
			String... headers) {
		String token = csrfTokenOf(csrfPage);
		String boundary = "----fse" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + content.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(content, 0, body, start.length, content.length);
		System.arraycopy(end, 0, body, start.length + content.length, end.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
	}

	public HttpResponse<String> signIn(String username, String password) {
		return post("/login", Map.of("username", username, "password", password), "/login");
	}

	public String csrfTokenOf(String page) {
		Matcher matcher = CSRF.matcher(get(page).body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		return matcher.group(1);
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private static Map<String, String> withCsrf(Map<String, String> fields, String token) {
		var all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", token);
		return all;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
