package kz.gov.dozor.web.intake;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The intake API for monitoring systems, under {@code /dozor/api/v1}; described in {@code
 * /dozor/api-docs/openapi.yaml}. {@link DetectorFilter} lets only detector clients in.
 */
@ApplicationPath("api/v1")
public class IntakeApplication extends Application {}
