package org.iofs.fse.home;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an API client rely on besides the pages. */
@PlatformTest
class OperationsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void reportsLivenessAndReadiness() {
		assertThat(http.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
		assertThat(http.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void exposesPrometheusMetricsToAdministratorsOnly() {
		new TestAccounts(context).ensureStandardCallers();
		var response = http.get("/actuator/prometheus", "Authorization", "Bearer " + TestAccounts.token(http, "t.admin"));
		var analyst = http.get("/actuator/prometheus", "Authorization", "Bearer " + TestAccounts.token(http, "t.analyst"));

		assertThat(http.get("/actuator/prometheus").statusCode()).isIn(302, 401);
		assertThat(analyst.statusCode()).isEqualTo(403);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void describesTheApiInOpenApi() {
		String spec = http.get("/v3/api-docs").body();

		assertThat(spec).contains("\"openapi\":\"3.").contains("/api/v1/countries").contains("/api/v1/countries/{iso3}")
			.contains("/api/v1/commodities").contains("/api/v1/commodities/{code}")
			.contains("application/problem+json").contains("\"ProblemDetail\"")
			.contains("/api/v1/hubs/{code}/stock").contains("/api/v1/releases/{id}/approve")
			.contains("/api/v1/allocation/plans").contains("/api/v1/allocation/plans/{id}/model.mps")
			.contains("/api/v1/allocation/routes/import");
		assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

}
