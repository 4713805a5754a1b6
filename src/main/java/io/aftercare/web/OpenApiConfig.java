package io.aftercare.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description's front matter and the two ways to authenticate against the API. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI aftercareOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Aftercare API").version("v1")
                .description("""
                    Incident response for the humans. Every route lives under /api/v1 and answers JSON; errors are \
                    RFC 9457 problem details (application/problem+json) with `errors: [{field, message}]` for \
                    invalid fields; a path with no route answers 404, a method its route does not take 405 with \
                    `Allow`, both as problem details. Lists are pages `{items, page, size, total}` with `?page=` \
                    (from 0) and `?size=` (at most 500). Authenticate with HTTP Basic (your e-mail and password) \
                    or a personal API token (`Authorization: Bearer act_…`, created under Settings → API tokens or \
                    with POST /api/v1/tokens). A token acts as its owner, with their roles. Calls that change \
                    something (POST, PUT, PATCH, DELETE) must send `Content-Type: application/json` (or `text/csv` \
                    for imports), even without a body; otherwise they are refused with 415.""")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
            .components(new Components()
                .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("A personal API token, act_…")))
            .addSecurityItem(new SecurityRequirement().addList("basicAuth"))
            .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }
}
