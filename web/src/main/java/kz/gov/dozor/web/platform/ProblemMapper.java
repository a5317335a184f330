package kz.gov.dozor.web.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (an unknown path, a method not allowed) is a problem document too,
 * like every other error of the API.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    Response problem =
        new Problem(status, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, null)
            .response();
    if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
      return Response.fromResponse(problem)
          .header("Allow", e.getResponse().getHeaderString("Allow"))
          .build();
    }
    return problem;
  }
}
