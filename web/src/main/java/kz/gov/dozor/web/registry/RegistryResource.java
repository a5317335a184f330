package kz.gov.dozor.web.registry;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;
import kz.gov.dozor.ejb.platform.signing.SigningUnavailableException;
import kz.gov.dozor.ejb.registry.NotFetchedException;
import kz.gov.dozor.ejb.registry.ProviderRef;
import kz.gov.dozor.ejb.registry.ProviderStatus;
import kz.gov.dozor.ejb.registry.Providers;
import kz.gov.dozor.ejb.registry.RegistryFeed;
import kz.gov.dozor.ejb.registry.RegistryFormat;
import kz.gov.dozor.ejb.registry.RegistrySigning;
import kz.gov.dozor.ejb.registry.RegistryVersion;
import kz.gov.dozor.ejb.registry.SignedFetch;
import kz.gov.dozor.ejb.registry.SigningOutput;
import kz.gov.dozor.ejb.registry.UnknownVersionException;
import kz.gov.dozor.web.platform.ApiDoor;
import kz.gov.dozor.web.platform.Problem;

/**
 * The registry API for internet providers: the current version, the full export or the delta since
 * a version in XML, JSON or CSV, and the provider's confirmation that it applied a version. Exports
 * answer conditional requests with 304 and stream whatever the registry's size. Only providers'
 * clients get here ({@link ApiDoor}).
 */
@Path("registry")
public class RegistryResource {

  static final String VERSION_HEADER = "Dozor-Registry-Version";

  /** The id of the fetch an export was recorded as; its signature is under that id. */
  static final String FETCH_HEADER = "Dozor-Registry-Fetch";

  private static final Logger LOG = Logger.getLogger(RegistryResource.class.getName());

  @Inject private RegistryFeed feed;
  @Inject private Providers providers;
  @Inject private RegistrySigning signing;
  @Context private HttpServletRequest request;

  private ProviderRef provider() {
    return (ProviderRef) request.getAttribute(ApiDoor.PROVIDER);
  }

  /** The current version and time, and whether urgent changes wait for this provider. */
  @GET
  @Path("version")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response version() {
    RegistryVersion v = feed.current();
    ProviderStatus s = providers.status(provider().code());
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("version", v.version())
            .add("changedAt", v.changedAt().toString())
            .add("urgentPending", s.urgentPending());
    standing(b, s);
    return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-cache")
        .header(VERSION_HEADER, v.version())
        .build();
  }

  private static void standing(JsonObjectBuilder b, ProviderStatus s) {
    b.add("provider", s.code());
    if (s.fetchedVersion() == null) {
      b.addNull("fetchedVersion");
    } else {
      b.add("fetchedVersion", s.fetchedVersion());
    }
    if (s.appliedVersion() == null) {
      b.addNull("appliedVersion");
    } else {
      b.add("appliedVersion", s.appliedVersion());
    }
    if (s.appliedAt() != null) {
      b.add("appliedAt", s.appliedAt().toString());
    }
    if (s.dueAt() != null) {
      b.add("applyBy", s.dueAt().toString());
    }
    b.add("overdue", s.overdue());
  }

  /** The full export ({@code since} absent) or the delta since a version. */
  @GET
  @Produces({"application/xml", "application/json", "text/csv", Problem.MEDIA_TYPE})
  public Response export(
      @QueryParam("format") String formatName,
      @QueryParam("since") String sinceText,
      @HeaderParam("Accept") String accept,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Modified-Since") String ifModifiedSince) {
    RegistryFormat format = RegistryConditions.format(formatName, accept);
    if (format == null) {
      return new Problem(
              400,
              "unsupported-format",
              "The format is not supported",
              "Ask for format=xml, format=json or format=csv.")
          .response();
    }
    Long since;
    try {
      since = sinceText == null ? null : Long.valueOf(sinceText.strip());
    } catch (NumberFormatException e) {
      return new Problem(
              400,
              "malformed-since",
              "since is not a version",
              "since is a registry version: a whole number from 0 to the current version.")
          .response();
    }
    RegistryVersion current = feed.current();
    if (since != null && (since < 0 || since > current.version())) {
      return unknownVersion(since, current.version());
    }
    if (RegistryConditions.notModified(current, format, since, ifNoneMatch, ifModifiedSince)) {
      return Response.notModified()
          .tag(RegistryConditions.etag(current.version(), format, since))
          .lastModified(java.util.Date.from(current.changedAt()))
          .header(VERSION_HEADER, current.version())
          .header("Cache-Control", "no-cache")
          .build();
    }
    DetachedSigner.Signature signature;
    try {
      signature = signing.signer().start();
    } catch (SigningUnavailableException e) {
      LOG.severe("registry export refused: " + e.getMessage());
      return new Problem(
              503,
              "signing-unavailable",
              "The registry cannot be signed now",
              "Exports are sent signed only; try again later.")
          .response();
    }
    RegistryFeed.Cursor cursor;
    try {
      cursor = feed.open(since);
    } catch (UnknownVersionException e) {
      return unknownVersion(e.asked(), e.current());
    }
    RegistryVersion v = cursor.version();
    ProviderRef provider = provider();
    long fetch;
    try {
      fetch = providers.recordFetch(provider, v.version(), since, format);
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
    StreamingOutput body =
        out -> {
          try (cursor) {
            SigningOutput signed = new SigningOutput(out, signature);
            // Large writes into the signature's digest, whatever size the format writes in.
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(signed, 65536);
            format.write(cursor, buffered);
            buffered.flush();
            byte[] signatureBytes = signed.sign();
            // Kept before the last bytes leave: whoever has the whole export finds its signature.
            providers.recordSigned(fetch, signed.sha256(), signed.bytes(), signatureBytes);
            signed.release();
          }
        };
    String signatureUri =
        request.getContextPath() + "/api/v1/registry/fetches/" + fetch + "/signature";
    return Response.ok(body, MediaType.valueOf(format.mediaType()).withCharset("UTF-8"))
        .tag(RegistryConditions.etag(v.version(), format, since))
        .lastModified(java.util.Date.from(v.changedAt()))
        .header(VERSION_HEADER, v.version())
        .header(FETCH_HEADER, fetch)
        .header(
            "Link",
            "<" + signatureUri + ">; rel=\"signature\"; type=\"application/pkcs7-signature\"")
        .header("Cache-Control", "no-cache")
        .header(
            "Content-Disposition", "attachment; filename=\"" + fileName(v, since, format) + "\"")
        .build();
  }

  static String fileName(RegistryVersion v, Long since, RegistryFormat format) {
    return "registry-v"
        + v.version()
        + (since == null ? "" : "-since-" + since)
        + "."
        + format.extension();
  }

  /**
   * The ministry's detached CMS signature (DER) of an export this provider fetched: the bytes it
   * received, as they left the portal.
   */
  @GET
  @Path("fetches/{id}/signature")
  @Produces({"application/pkcs7-signature", Problem.MEDIA_TYPE})
  public Response signature(@jakarta.ws.rs.PathParam("id") String id) {
    SignedFetch f = null;
    try {
      f = providers.signedFetch(provider(), Long.parseLong(id));
    } catch (NumberFormatException e) {
      // Answered as not found below.
    }
    if (f == null) {
      return new Problem(
              404,
              "no-such-fetch",
              "No signed export under this id",
              "Ask for the signature named by the Link header of an export you fetched.")
          .response();
    }
    return Response.ok(f.signature(), "application/pkcs7-signature")
        .header("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"")
        .header("Dozor-Export-Sha256", f.sha256())
        .header("Cache-Control", "private, max-age=86400, immutable")
        .build();
  }

  /**
   * The certificate the exports are signed with (PEM). A provider should check it against the one
   * the ministry handed over by other means before trusting it.
   */
  @GET
  @Path("certificate")
  @Produces({"application/x-pem-file", Problem.MEDIA_TYPE})
  public Response certificate() {
    try {
      X509Certificate c = signing.signer().certificate();
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(c.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      return Response.ok(pem, "application/x-pem-file")
          .header("Content-Disposition", "attachment; filename=\"registry-signing.pem\"")
          .build();
    } catch (SigningUnavailableException | CertificateEncodingException e) {
      return new Problem(
              503,
              "signing-unavailable",
              "The registry cannot be signed now",
              "The signing certificate cannot be read; try again later.")
          .response();
    }
  }

  /** The registry's XML schema, format version 1. */
  @GET
  @Path("schema")
  @Produces("application/xml")
  public Response schema() {
    InputStream xsd = RegistryFormat.class.getResourceAsStream("registry-v1.xsd");
    return Response.ok(xsd, MediaType.valueOf("application/xml").withCharset("UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"registry-v1.xsd\"")
        .build();
  }

  /** The provider confirms it applied a version: {@code {"version": N}}. */
  @POST
  @Path("acknowledgements")
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response acknowledge(@HeaderParam("Content-Type") String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      return Problem.notJson().response();
    }
    long version;
    try {
      JsonObject o =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
              .readObject();
      JsonValue v = o.get("version");
      if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
        throw new IllegalArgumentException();
      }
      version = n.longValueExact();
    } catch (RuntimeException e) {
      return new Problem(
              400,
              "malformed-acknowledgement",
              "The acknowledgement is not valid",
              "Send {\"version\": N}, N the registry version you applied.")
          .response();
    }
    try {
      ProviderStatus s = providers.acknowledge(provider(), version);
      JsonObjectBuilder b = Json.createObjectBuilder().add("acknowledged", version);
      standing(b, s);
      return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .header("Cache-Control", "no-store")
          .build();
    } catch (UnknownVersionException e) {
      return new Problem(
              422,
              "unknown-version",
              "The registry has no such version",
              "Version " + e.asked() + " does not exist; the current one is " + e.current() + ".")
          .response();
    } catch (NotFetchedException e) {
      return new Problem(
              422,
              "version-not-fetched",
              "You never fetched this version",
              "Confirm a version you fetched (a full export or a delta up to it).")
          .response();
    }
  }

  private static Response unknownVersion(long asked, long current) {
    return new Problem(
            400,
            "unknown-version",
            "The registry has no such version",
            "Version " + asked + " does not exist; the current one is " + current + ".")
        .response();
  }
}
