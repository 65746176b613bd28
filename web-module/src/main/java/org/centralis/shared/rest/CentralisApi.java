package org.centralis.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under /api, documented by MicroProfile OpenAPI at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info = @Info(title = "Centralis API", version = "1.0", description = "Tickets, customers and audit of the Centralis customer service center. Errors are RFC 9457 problem+json."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class CentralisApi extends Application {}
