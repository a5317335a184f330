package kz.gov.dozor.ejb.registry;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  private static void writeXml(RegistryFeed.Cursor c, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("registry");
      x.writeDefaultNamespace(NAMESPACE);
      x.writeAttribute("formatVersion", String.valueOf(FORMAT_VERSION));
      x.writeAttribute("version", String.valueOf(c.version().version()));
      x.writeAttribute("changedAt", time(c.version().changedAt()));
      x.writeAttribute("kind", kind(c));
      if (c.since() != null) {
        x.writeAttribute("since", String.valueOf(c.since()));
      }
      for (ExportEntry e = c.next(); e != null; e = c.next()) {
        x.writeCharacters("\n  ");
        x.writeStartElement("entry");
        x.writeAttribute("id", String.valueOf(e.id()));
        if (e.change() != null) {
          x.writeAttribute("change", e.change().code());
        }
        x.writeAttribute("urgent", String.valueOf(e.urgent()));
        x.writeAttribute("hash", e.hash());
        element(x, "url", e.url());
        element(x, "urlNormalized", e.urlNormalized());
        element(x, "host", e.host());
        element(x, "blockType", e.blockType());
        x.writeStartElement("decision");
        x.writeAttribute("number", e.decisionNumber());
        x.writeAttribute("date", e.decisionDate().toString());
        x.writeAttribute("body", e.issuingBody());
        x.writeEndElement();
        x.writeStartElement("notice");
        x.writeAttribute("id", String.valueOf(e.noticeId()));
        x.writeAttribute("number", e.noticeNumber());
        x.writeEndElement();
        element(x, "includedAt", time(e.includedAt()));
        if (e.liftedAt() != null) {
          element(x, "liftedAt", time(e.liftedAt()));
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException("registry XML", e);
    }
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void writeJson(RegistryFeed.Cursor c, OutputStream out) {
    JsonGenerator g = Json.createGenerator(out);
    g.writeStartObject();
    g.write("format", "dozor-registry");
    g.write("formatVersion", FORMAT_VERSION);
    g.write("version", c.version().version());
    g.write("changedAt", time(c.version().changedAt()));
    g.write("kind", kind(c));
    if (c.since() != null) {
      g.write("since", c.since());
    }
    g.writeStartArray("entries");
    for (ExportEntry e = c.next(); e != null; e = c.next()) {
      g.writeStartObject();
      g.write("id", e.id());
      if (e.change() != null) {
        g.write("change", e.change().code());
      }
      g.write("url", e.url());
      g.write("urlNormalized", e.urlNormalized());
      g.write("host", e.host());
      g.write("blockType", e.blockType());
      g.writeStartObject("decision");
      g.write("number", e.decisionNumber());
      g.write("date", e.decisionDate().toString());
      g.write("body", e.issuingBody());
      g.writeEnd();
      g.writeStartObject("notice");
      g.write("id", e.noticeId());
      g.write("number", e.noticeNumber());
      g.writeEnd();
      g.write("includedAt", time(e.includedAt()));
      g.write("urgent", e.urgent());
      g.write("hash", e.hash());
      if (e.liftedAt() != null) {
        g.write("liftedAt", time(e.liftedAt()));
      }
      g.writeEnd();
    }
    g.writeEnd();
    g.writeEnd();
    g.flush();
  }

  private static void writeCsv(RegistryFeed.Cursor c, OutputStream out) throws IOException {
    // The version travels in the response's headers and in the signature's name; the rows carry
    // the entries only, as spreadsheet tools and providers' scripts expect.
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter p =
        new CSVPrinter(
            w, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).setRecordSeparator("\n").build());
    try {
      for (ExportEntry e = c.next(); e != null; e = c.next()) {
        p.printRecord(
            e.id(),
            e.change() == null ? "" : e.change().code(),
            e.url(),
            e.urlNormalized(),
            e.host(),
            e.blockType(),
            e.decisionNumber(),
            e.decisionDate(),
            e.issuingBody(),
            e.noticeId(),
            e.noticeNumber(),
            time(e.includedAt()),
            e.urgent(),
            e.hash(),
            e.liftedAt() == null ? "" : time(e.liftedAt()));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    p.flush();
  }
}
