package org.iofs.fse.shared.web;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An upload refused for its size (413) is read to its end before the connection closes, up to twice the largest
 * accepted upload (at most 2 GB), so that the client sees the refusal. Tomcat otherwise reads at most 2 MB of a body
 * it will not use and then closes the connection while the client is still sending; the client's system then
 * discards the answer it had received (a reset), and a browser shows a broken connection instead of the page that
 * explains. The same holds for any other upload answered before it was read (a 401, say).
 */
@Component
class AbortedUploads implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

	private final int readToTheEnd;

	AbortedUploads(MultipartProperties uploads) {
		// Tomcat counts in an int: at most 2 GB (the default limit of 1 GB doubled, less one byte).
		this.readToTheEnd = (int) Math.min(2 * uploads.getMaxRequestSize().toBytes(), Integer.MAX_VALUE);
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		if (readToTheEnd <= 0) {
			return; // no size limit, so no upload is refused for its size: Tomcat's own bound stays
		}
		factory.addConnectorCustomizers(connector -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(readToTheEnd);
			}
		});
	}

}
