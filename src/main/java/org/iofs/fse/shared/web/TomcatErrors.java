package org.iofs.fse.shared.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Tomcat's own refusals go through {@link ProblemErrorReportValve}. */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

	@Override
	public void customize(TomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

}
