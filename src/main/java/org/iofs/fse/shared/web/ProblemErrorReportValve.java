package org.iofs.fse.shared.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before the application sees the request (a request line or headers too large, a malformed
 * request) is answered as a problem detail for the API, and for any client that does not ask for HTML, instead of
 * Tomcat's HTML report; browsers get that report without the server's name and version. One line at WARN is logged.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !wantsProblem(request)) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		String detail = throwable == null ? "The request could not be read" : throwable.getMessage();
		log.warn("Refused {} before the application: {}", status, detail);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + titleOf(status) + "\","
						+ "\"detail\":\"" + escape(detail) + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was already under way: nothing more to tell it.
		}
		response.getCoyoteResponse().action(ActionCode.CLOSE, null);
	}

	/** The API's clients, and any client that does not say it reads HTML (the headers may not even be parsed). */
	private static boolean wantsProblem(Request request) {
		String uri = request.getRequestURI();
		if (uri != null && uri.startsWith("/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept == null || !accept.contains("text/html");
	}

	/** HTTP's own name of the status (the title of an RFC 9457 problem of type about:blank). */
	private static String titleOf(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error" : known.getReasonPhrase();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : String.valueOf(text).toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(' ');
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
