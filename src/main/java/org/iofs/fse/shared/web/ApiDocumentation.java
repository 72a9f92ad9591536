package org.iofs.fse.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /v3/api-docs}): what the API is, and the problem-detail answers every endpoint
 * may give, so client authors see the error shape without reading the code.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI platformApi() {
		return new OpenAPI().info(new Info().title("OIC Food Security Ecosystem API")
			.version("v1")
			.description("Reference data, food balances, prices, reserves and trade of the OIC Food Security "
					+ "Ecosystem. Errors are RFC 9457 problem details; a 400 names the field at fault in `field`. "
					+ "Answers carry an ETag; send it back in If-None-Match to get 304 when nothing changed."))
			.components(new Components().addSchemas("ProblemDetail", problemDetailSchema())
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A token from POST /api/v1/auth/tokens (user name and password), or one made on "
							+ "the account's tokens page. Public reads need none.")))
			// "Authorize" in the Swagger UI then sends the token with every call tried from it.
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	private static Schema<?> problemDetailSchema() {
		return new ObjectSchema().description("RFC 9457 problem detail")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("field", new StringSchema().description("the field at fault, on a 400"));
	}

	@Bean
	OperationCustomizer problemAnswersInApiDocs() {
		return (operation, handler) -> {
			operation.getResponses().addApiResponse("400", problem("Malformed input; `field` names the parameter"));
			operation.getResponses().addApiResponse("404", problem("No such resource"));
			return operation;
		};
	}

	private static ApiResponse problem(String description) {
		Schema<?> schema = new Schema<>().$ref("#/components/schemas/ProblemDetail");
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
	}

}
