package kz.gov.dozor.web.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The portal's APIs under {@code /dozor/api/v1}: the intake of detections for monitoring systems
 * and the registry for internet providers; described in {@code /dozor/api-docs/openapi.yaml}.
 * {@link ApiDoor} lets each kind of client into its own API only.
 */
@ApplicationPath("api/v1")
public class ApiApplication extends Application {}
