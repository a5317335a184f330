package kz.gov.dozor.web.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import kz.gov.dozor.ejb.registry.RegistryFormat;
import kz.gov.dozor.ejb.registry.RegistryVersion;

/**
 * What an export is called in conditional requests (its format, ETag and time) and whether a
 * provider's copy is current. Providers poll mostly to hear "not modified": {@link #answer} gives
 * that 304 straight from the API's door, before the REST layer is entered.
 */
public final class RegistryConditions {

  private RegistryConditions() {}

  /** The format asked for by name, else by the Accept header; JSON when neither says. */
  static RegistryFormat format(String name, String accept) {
    if (name != null) {
      return RegistryFormat.named(name);
    }
    if (accept != null) {
      String a = accept.toLowerCase();
      if (a.contains("application/xml") || a.contains("text/xml")) {
        return RegistryFormat.XML;
      }
      if (a.contains("text/csv")) {
        return RegistryFormat.CSV;
      }
    }
    return RegistryFormat.JSON;
  }

  static EntityTag etag(long version, RegistryFormat format, Long since) {
    return new EntityTag(
        version + "." + format.extension() + (since == null ? ".full" : ".since-" + since));
  }

  /** Whether the copy the provider names by ETag or by time is the current one. */
  static boolean notModified(
      RegistryVersion current,
      RegistryFormat format,
      Long since,
      String ifNoneMatch,
      String ifModifiedSince) {
    if (ifNoneMatch != null) {
      String tag = "\"" + etag(current.version(), format, since).getValue() + "\"";
      for (String t : ifNoneMatch.split(",")) {
        t = t.strip();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || t.equals(tag)) {
          return true;
        }
      }
      return false;
    }
    if (ifModifiedSince != null) {
      try {
        Instant held =
            ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        return !current.changedAt().truncatedTo(ChronoUnit.SECONDS).isAfter(held);
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the request is a conditional export request that the REST layer need not see: then the
   * 304 has been sent. Anything else (no condition, a bad format or version, a modified registry)
   * goes on to {@link RegistryResource}, which explains or exports.
   */
  public static boolean answer(
      HttpServletRequest req,
      HttpServletResponse res,
      java.util.function.Supplier<RegistryVersion> versions) {
    String ifNoneMatch = req.getHeader("If-None-Match");
    String ifModifiedSince = req.getHeader("If-Modified-Since");
    if (!"GET".equals(req.getMethod()) || (ifNoneMatch == null && ifModifiedSince == null)) {
      return false;
    }
    RegistryFormat format;
    Long since;
    try {
      format = format(req.getParameter("format"), req.getHeader("Accept"));
      String s = req.getParameter("since");
      since = s == null ? null : Long.valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (format == null) {
      return false;
    }
    RegistryVersion current = versions.get();
    if ((since != null && (since < 0 || since > current.version()))
        || !notModified(current, format, since, ifNoneMatch, ifModifiedSince)) {
      return false;
    }
    res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    res.setHeader("ETag", '"' + etag(current.version(), format, since).getValue() + '"');
    res.setDateHeader("Last-Modified", current.changedAt().toEpochMilli());
    res.setHeader(RegistryResource.VERSION_HEADER, Long.toString(current.version()));
    res.setHeader("Cache-Control", "no-cache");
    return true;
  }
}
