package org.iofs.fse.home;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.Http;
import org.iofs.fse.support.PlatformTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an API client rely on besides the pages. */
@PlatformTest
class OperationsIT {

	@LocalServerPort
	int port;

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
	void exposesPrometheusMetrics() {
		var response = http.get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void describesTheApiInOpenApi() {
		String spec = http.get("/v3/api-docs").body();

		assertThat(spec).contains("\"openapi\":\"3.").contains("/api/v1/countries").contains("/api/v1/countries/{iso3}")
			.contains("/api/v1/commodities").contains("/api/v1/commodities/{code}")
			.contains("application/problem+json").contains("\"ProblemDetail\"");
		assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

}
