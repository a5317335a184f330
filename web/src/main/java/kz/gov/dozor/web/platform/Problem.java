package kz.gov.dozor.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 problem document: what went wrong with a whole request, for a program to act on
 * ({@code type}) and a person to read ({@code title}, {@code detail}).
 */
public record Problem(int status, String code, String title, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A body that is not JSON where the API takes JSON only. */
  public static Problem notJson() {
    return new Problem(
        415,
        "unsupported-media-type",
        "The body must be JSON",
        "Send Content-Type: application/json.");
  }

  /** The problem types are URNs: stable names that do not pretend to be pages. */
  public String type() {
    return "urn:dozor:problem:" + code;
  }

  public String json() {
    JsonObjectBuilder b =
        Json.createObjectBuilder().add("type", type()).add("title", title).add("status", status);
    if (detail != null) {
      b.add("detail", detail);
    }
    return b.build().toString();
  }

  public Response response() {
    Response.ResponseBuilder r =
        Response.status(status)
            .type(MEDIA_TYPE + ";charset=UTF-8")
            .header("Cache-Control", "no-store")
            .entity(json());
    if (status == 401) {
      r.header("WWW-Authenticate", challenge());
    }
    return r.build();
  }

  /** Writes it to a response outside JAX-RS (the filter in front of the API). */
  public void send(HttpServletResponse res) throws IOException {
    res.setStatus(status);
    res.setContentType(MEDIA_TYPE + ";charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    if (status == 401) {
      res.setHeader("WWW-Authenticate", challenge());
    }
    byte[] body = json().getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private String challenge() {
    if ("missing-token".equals(code)) {
      return "Bearer realm=\"dozor\"";
    }
    return "Bearer realm=\"dozor\", error=\"invalid_token\", error_description=\""
        + title.replace("\"", "'")
        + "\"";
  }
}
