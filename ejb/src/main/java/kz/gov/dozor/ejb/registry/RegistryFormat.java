package kz.gov.dozor.ejb.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The registry's export formats, one content in each: XML (schema {@code registry-v1.xsd}), JSON
 * and CSV. An export is written entry by entry as the cursor reads it, and its bytes depend only on
 * the version (and the delta's start): two exports of one version are byte for byte the same, so
 * that their signature is too.
 */
public enum RegistryFormat {
  XML("application/xml", "xml"),
  JSON("application/json", "json"),
  CSV("text/csv", "csv");

  /** The XML namespace of format version 1. */
  public static final String NAMESPACE = "urn:dozor:registry:1";

  public static final int FORMAT_VERSION = 1;

  static final String[] CSV_COLUMNS = {
    "id",
    "change",
    "url",
    "url_normalized",
    "host",
    "block_type",
    "decision_number",
    "decision_date",
    "issuing_body",
    "notice_id",
    "notice_number",
    "included_at",
    "urgent",
    "hash",
    "lifted_at"
  };

  private final String mediaType;
  private final String extension;

  RegistryFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The format named by a query parameter ({@code xml}, {@code json}, {@code csv}), or null. */
  public static RegistryFormat named(String name) {
    if (name == null) {
      return null;
    }
    for (RegistryFormat f : values()) {
      if (f.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /** Writes the cursor's entries; the stream is flushed, not closed. */
  public void write(RegistryFeed.Cursor cursor, OutputStream out) throws IOException {
    switch (this) {
      case XML -> writeXml(cursor, out);
      case JSON -> writeJson(cursor, out);
      case CSV -> writeCsv(cursor, out);
    }
  }

  private static String kind(RegistryFeed.Cursor c) {
    return c.since() == null ? "full" : "delta";
  }

  /**
   * An instant as {@link Instant#toString()} writes it (ISO 8601 in UTC, the fraction in groups of
   * three digits, none when zero), without its formatter's cost: an export writes millions.
   */
  static String time(Instant t) {
    if (t == null) {
      return null;
    }
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    int year = d.getYear();
    if (year < 1000 || year > 9999) {
      return t.toString();
    }
    int nano = d.getNano();
    int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
    char[] c = new char[20 + (digits == 0 ? 0 : digits + 1)];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, d.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, d.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, d.getHour(), 2);
    c[13] = ':';
    put(c, 14, d.getMinute(), 2);
    c[16] = ':';
    put(c, 17, d.getSecond(), 2);
    int at = 19;
    if (digits > 0) {
      c[at++] = '.';
      put(c, at, nano / (digits == 3 ? 1_000_000 : digits == 6 ? 1000 : 1), digits);
      at += digits;
    }
    c[at] = 'Z';
    return new String(c);
  }

  /** A date as {@link LocalDate#toString()} writes it (years 1000 to 9999 directly). */
  static String date(LocalDate d) {
    int year = d.getYear();
    if (year < 1000 || year > 9999) {
      return d.toString();
    }
    char[] c = new char[10];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, d.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, d.getDayOfMonth(), 2);
    return new String(c);
  }

  /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * XML written directly, escaped by {@link #escape}: the JDK's XMLStreamWriter took most of an
   * export's time (5–7 s of a million entries), this takes a fraction of it.
   */
  private static void writeXml(RegistryFeed.Cursor c, OutputStream out) throws IOException {
    Writer w = new Utf8Writer(out);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<registry xmlns=\"");
    w.write(NAMESPACE);
    w.write('"');
    attribute(w, "formatVersion", String.valueOf(FORMAT_VERSION));
    attribute(w, "version", String.valueOf(c.version().version()));
    attribute(w, "changedAt", time(c.version().changedAt()));
    attribute(w, "kind", kind(c));
    if (c.since() != null) {
      attribute(w, "since", String.valueOf(c.since()));
    }
    w.write('>');
    for (ExportEntry e = c.next(); e != null; e = c.next()) {
      w.write("\n  <entry");
      attribute(w, "id", String.valueOf(e.id()));
      if (e.change() != null) {
        attribute(w, "change", e.change().code());
      }
      attribute(w, "urgent", String.valueOf(e.urgent()));
      attribute(w, "hash", e.hash());
      w.write('>');
      element(w, "url", e.url());
      element(w, "urlNormalized", e.urlNormalized());
      element(w, "host", e.host());
      element(w, "blockType", e.blockType());
      w.write("<decision");
      attribute(w, "number", e.decisionNumber());
      attribute(w, "date", date(e.decisionDate()));
      attribute(w, "body", e.issuingBody());
      w.write("/><notice");
      attribute(w, "id", String.valueOf(e.noticeId()));
      attribute(w, "number", e.noticeNumber());
      w.write("/>");
      element(w, "includedAt", time(e.includedAt()));
      if (e.liftedAt() != null) {
        element(w, "liftedAt", time(e.liftedAt()));
      }
      w.write("</entry>");
    }
    w.write("\n</registry>\n");
    w.flush();
  }

  private static void attribute(Writer w, String name, String value) throws IOException {
    w.write(' ');
    w.write(name);
    w.write("=\"");
    escape(w, value);
    w.write('"');
  }

  private static void element(Writer w, String name, String text) throws IOException {
    w.write('<');
    w.write(name);
    w.write('>');
    escape(w, text);
    w.write("</");
    w.write(name);
    w.write('>');
  }

  /**
   * Text as XML 1.0 takes it in content and in attributes: markup characters as entities, a
   * character XML cannot hold (a control character, an unpaired surrogate) as U+FFFD.
   */
  static void escape(Writer w, String s) throws IOException {
    int plain = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String replacement =
          switch (ch) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\t' -> "&#9;";
            case '\n' -> "&#10;";
            case '\r' -> "&#13;";
            default -> allowed(s, i) ? null : "\uFFFD";
          };
      if (replacement != null) {
        w.write(s, plain, i - plain);
        w.write(replacement);
        plain = i + 1;
      } else if (Character.isHighSurrogate(ch)) {
        i++;
      }
    }
    w.write(s, plain, s.length() - plain);
  }

  private static boolean allowed(String s, int i) {
    char ch = s.charAt(i);
    if (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF) {
      return false;
    }
    if (Character.isHighSurrogate(ch)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return !Character.isLowSurrogate(ch);
  }

  /** JSON written directly, like XML: Parsson's generator took twice the time of this. */
  private static void writeJson(RegistryFeed.Cursor c, OutputStream out) throws IOException {
    Writer w = new Utf8Writer(out);
    w.write("{\"format\":\"dozor-registry\",\"formatVersion\":");
    w.write(Integer.toString(FORMAT_VERSION));
    w.write(",\"version\":");
    w.write(Long.toString(c.version().version()));
    w.write(",\"changedAt\":");
    jsonString(w, time(c.version().changedAt()));
    w.write(",\"kind\":");
    jsonString(w, kind(c));
    if (c.since() != null) {
      w.write(",\"since\":");
      w.write(Long.toString(c.since()));
    }
    w.write(",\"entries\":[");
    boolean first = true;
    for (ExportEntry e = c.next(); e != null; e = c.next()) {
      w.write(first ? "{\"id\":" : ",{\"id\":");
      first = false;
      w.write(Long.toString(e.id()));
      if (e.change() != null) {
        w.write(",\"change\":");
        jsonString(w, e.change().code());
      }
      w.write(",\"url\":");
      jsonString(w, e.url());
      w.write(",\"urlNormalized\":");
      jsonString(w, e.urlNormalized());
      w.write(",\"host\":");
      jsonString(w, e.host());
      w.write(",\"blockType\":");
      jsonString(w, e.blockType());
      w.write(",\"decision\":{\"number\":");
      jsonString(w, e.decisionNumber());
      w.write(",\"date\":");
      jsonString(w, date(e.decisionDate()));
      w.write(",\"body\":");
      jsonString(w, e.issuingBody());
      w.write("},\"notice\":{\"id\":");
      w.write(Long.toString(e.noticeId()));
      w.write(",\"number\":");
      jsonString(w, e.noticeNumber());
      w.write("},\"includedAt\":");
      jsonString(w, time(e.includedAt()));
      w.write(e.urgent() ? ",\"urgent\":true,\"hash\":" : ",\"urgent\":false,\"hash\":");
      jsonString(w, e.hash());
      if (e.liftedAt() != null) {
        w.write(",\"liftedAt\":");
        jsonString(w, time(e.liftedAt()));
      }
      w.write('}');
    }
    w.write("]}");
    w.flush();
  }

  /** A JSON string (RFC 8259): quote, backslash and control characters escaped. */
  static void jsonString(Writer w, String s) throws IOException {
    w.write('"');
    int plain = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 && ch != '"' && ch != '\\') {
        continue;
      }
      w.write(s, plain, i - plain);
      plain = i + 1;
      switch (ch) {
        case '"' -> w.write("\\\"");
        case '\\' -> w.write("\\\\");
        case '\n' -> w.write("\\n");
        case '\r' -> w.write("\\r");
        case '\t' -> w.write("\\t");
        case '\b' -> w.write("\\b");
        case '\f' -> w.write("\\f");
        default -> w.write(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      }
    }
    w.write(s, plain, s.length() - plain);
    w.write('"');
  }

  /**
   * RFC 4180 with {@code \n} between records, written directly: a field is quoted when it holds a
   * comma, a quote or a line break (or starts or ends with a space), quotes doubled.
   */
  private static void writeCsv(RegistryFeed.Cursor c, OutputStream out) throws IOException {
    // The version travels in the response's headers and in the signature's name; the rows carry
    // the entries only, as spreadsheet tools and providers' scripts expect.
    Writer w = new Utf8Writer(out);
    w.write(String.join(",", CSV_COLUMNS));
    w.write('\n');
    for (ExportEntry e = c.next(); e != null; e = c.next()) {
      w.write(Long.toString(e.id()));
      w.write(',');
      w.write(e.change() == null ? "" : e.change().code());
      w.write(',');
      csv(w, e.url());
      w.write(',');
      csv(w, e.urlNormalized());
      w.write(',');
      csv(w, e.host());
      w.write(',');
      csv(w, e.blockType());
      w.write(',');
      csv(w, e.decisionNumber());
      w.write(',');
      w.write(date(e.decisionDate()));
      w.write(',');
      csv(w, e.issuingBody());
      w.write(',');
      w.write(Long.toString(e.noticeId()));
      w.write(',');
      csv(w, e.noticeNumber());
      w.write(',');
      w.write(time(e.includedAt()));
      w.write(',');
      w.write(e.urgent() ? "true" : "false");
      w.write(',');
      w.write(e.hash());
      w.write(',');
      if (e.liftedAt() != null) {
        w.write(time(e.liftedAt()));
      }
      w.write('\n');
    }
    w.flush();
  }

  static void csv(Writer w, String v) throws IOException {
    boolean quote = !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
    for (int i = 0; i < v.length() && !quote; i++) {
      char ch = v.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      w.write(v);
      return;
    }
    w.write('"');
    w.write(v.replace("\"", "\"\""));
    w.write('"');
  }
}
