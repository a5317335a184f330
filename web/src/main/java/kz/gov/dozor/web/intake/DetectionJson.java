package kz.gov.dozor.web.intake;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.gov.dozor.ejb.intake.ApiItem;
import kz.gov.dozor.ejb.intake.DetectionIntake;
import kz.gov.dozor.ejb.intake.IncomingDetection;
import kz.gov.dozor.web.platform.Problem;

/**
 * Reads the body of {@code POST /detections}: one detection (an object) or a batch (an array of at
 * most {@link DetectionIntake#MAX_BATCH}). What makes the whole request unreadable is a {@link
 * Problem}; a field of the wrong type refuses only its own item.
 */
final class DetectionJson {

  static final Set<String> FIELDS =
      Set.of(
          "url",
          "platform",
          "category",
          "detectedAt",
          "source",
          "sourceRef",
          "score",
          "note",
          "screenshot");

  /** Either the items or why the request cannot be read. */
  record Parsed(List<ApiItem> items, Problem problem) {}

  /** Looked up once: the service loader behind {@code Json.createReader} is slow in WildFly. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private DetectionJson() {}

  static Parsed parse(byte[] body) {
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (JsonException e) {
      return failed(
          new Problem(
              400,
              "malformed-json",
              "The body is not valid JSON",
              e.getMessage() == null ? null : shorten(e.getMessage())));
    }
    List<JsonValue> elements;
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      elements = List.of(value);
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray array = value.asJsonArray();
      if (array.isEmpty()) {
        return failed(new Problem(400, "empty-batch", "The batch is empty", null));
      }
      if (array.size() > DetectionIntake.MAX_BATCH) {
        return failed(
            new Problem(
                413,
                "too-many-items",
                "Too many detections in one request",
                "At most "
                    + DetectionIntake.MAX_BATCH
                    + " per request; this one has "
                    + array.size()
                    + "."));
      }
      elements = array;
    } else {
      return failed(
          new Problem(
              400,
              "malformed-json",
              "The body must be a detection (object) or a batch (array)",
              null));
    }
    List<ApiItem> items = new ArrayList<>(elements.size());
    for (JsonValue element : elements) {
      items.add(item(element));
    }
    return new Parsed(items, null);
  }

  private static Parsed failed(Problem p) {
    return new Parsed(null, p);
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final String problem;

    Refused(String problem, String detail) {
      super(detail, null, false, false);
      this.problem = problem;
    }
  }

  static ApiItem item(JsonValue element) {
    if (element.getValueType() != JsonValue.ValueType.OBJECT) {
      return ApiItem.refused("not-an-object", "each detection must be a JSON object");
    }
    JsonObject o = element.asJsonObject();
    try {
      for (String name : o.keySet()) {
        if (!FIELDS.contains(name)) {
          throw new Refused("unknown-field", "unknown field \"" + shorten(name) + "\"");
        }
      }
      byte[] shot = null;
      String shotName = null;
      JsonValue s = o.get("screenshot");
      if (s != null && s.getValueType() != JsonValue.ValueType.NULL) {
        if (s.getValueType() != JsonValue.ValueType.OBJECT) {
          throw new Refused(
              "invalid-screenshot", "screenshot must be an object {fileName, contentBase64}");
        }
        JsonObject so = s.asJsonObject();
        shotName = text(so, "fileName");
        String content = text(so, "contentBase64");
        if (shotName == null || content == null) {
          throw new Refused("invalid-screenshot", "screenshot needs fileName and contentBase64");
        }
        try {
          shot = Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
          throw new Refused("invalid-screenshot", "contentBase64 is not base64");
        }
      }
      return new ApiItem(
          new IncomingDetection(
              text(o, "url"),
              text(o, "platform"),
              text(o, "category"),
              instant(o),
              text(o, "source"),
              text(o, "sourceRef"),
              score(o),
              text(o, "note"),
              null,
              null),
          shot,
          shotName,
          null);
    } catch (Refused r) {
      return ApiItem.refused(r.problem, r.getMessage());
    }
  }

  private static String text(JsonObject o, String name) throws Refused {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new Refused("invalid-" + kebab(name), name + " must be a string");
    }
    return ((JsonString) v).getString();
  }

  private static BigDecimal score(JsonObject o) throws Refused {
    JsonValue v = o.get("score");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new Refused("invalid-score", "score must be a number between 0 and 1");
    }
    return ((JsonNumber) v).bigDecimalValue();
  }

  private static Instant instant(JsonObject o) throws Refused {
    String at = text(o, "detectedAt");
    if (at == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(at).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refused(
          "invalid-detected-at",
          "detectedAt must be a date-time with an offset, e.g. 2026-03-01T10:15:00Z");
    }
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String shorten(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
