package kz.gov.dozor.web.intake;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.intake.ApiAnswer;
import kz.gov.dozor.ejb.intake.Delivery;
import kz.gov.dozor.ejb.intake.IdempotencyConflictException;
import kz.gov.dozor.ejb.intake.IntakeApiService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.web.platform.ApiDoor;
import kz.gov.dozor.web.platform.Problem;

/**
 * {@code POST /api/v1/detections}: a monitoring system reports one detection or a batch. The answer
 * names each item's outcome; what concerns the whole request is a problem document.
 */
@Path("detections")
public class DetectionsResource {

  /** Room for a batch with a few screenshots (each at most 20 MB, a third more as base64). */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  static final int MAX_KEY = 200;

  private static final Logger LOG = Logger.getLogger(DetectionsResource.class.getName());

  @Inject private IntakeApiService api;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response report(
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Idempotency-Key") String key,
      InputStream body) {
    if (!isJson(contentType)) {
      return Problem.notJson().response();
    }
    if (key != null
        && (key.isBlank() || key.length() > MAX_KEY || !key.matches("[\\x21-\\x7e]+"))) {
      return new Problem(
              400,
              "invalid-idempotency-key",
              "The Idempotency-Key is not valid",
              "1 to " + MAX_KEY + " visible ASCII characters.")
          .response();
    }
    byte[] bytes;
    try {
      bytes = readAtMost(body, MAX_BODY_BYTES);
    } catch (IOException e) {
      return new Problem(400, "unreadable-body", "The body could not be read", null).response();
    }
    if (bytes == null) {
      return new Problem(
              413,
              "body-too-large",
              "The request is too large",
              "At most " + MAX_BODY_BYTES / (1024 * 1024) + " MB per request.")
          .response();
    }
    DetectionJson.Parsed parsed = DetectionJson.parse(bytes);
    if (parsed.problem() != null) {
      return parsed.problem().response();
    }
    Delivery delivery = (Delivery) request.getAttribute(ApiDoor.DELIVERY);
    try {
      ApiAnswer answer = api.deliver(delivery, key, sha256(bytes), parsed.items());
      Response.ResponseBuilder r =
          Response.status(answer.status())
              .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
              .header("Cache-Control", "no-store")
              .entity(answer.body());
      if (answer.replayed()) {
        r.header("Idempotent-Replayed", "true");
      }
      return r.build();
    } catch (IdempotencyConflictException e) {
      return new Problem(
              422,
              "idempotency-key-reused",
              "The Idempotency-Key was used for another request",
              "A key names one request: send a new key for a different body.")
          .response();
    } catch (AccessDeniedException | EJBAccessException e) {
      return new Problem(403, "forbidden", "Not allowed", null).response();
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "intake API incident " + incident, e);
      return new Problem(
              500,
              "internal-error",
              "The detections could not be received",
              "Nothing of this request was stored; send it again later. Incident " + incident)
          .response();
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      return type.getType().equals("application") && type.getSubtype().equals("json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The body, or null when it is longer than {@code max} bytes (then the rest is not read). */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
