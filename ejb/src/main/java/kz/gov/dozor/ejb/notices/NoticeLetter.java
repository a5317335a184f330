package kz.gov.dozor.ejb.notices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Settings;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The official letter of a block notification as a PDF (PDFBox), in Kazakh, Russian or English. The
 * font is embedded (a subset) and must have every Kazakh letter: by default the Liberation Sans
 * PDFBox carries, or the TrueType file {@code DOZOR_LETTER_FONT} names. Pages are built with
 * temporary-file scratch, so a letter of thousands of resources does not sit in memory.
 */
public final class NoticeLetter {

  private static final float MARGIN = 56;
  private static final float SIZE = 10.5f;
  private static final float LEADING = 14;
  private static final String BUILT_IN_FONT =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'");

  private NoticeLetter() {}

  /** The letter as PDF bytes. */
  public static byte[] write(LetterContent c) {
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "kz.gov.dozor.ejb.notices.letter",
            Locale.forLanguageTag(c.language()),
            NoticeLetter.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    Locale locale = Locale.forLanguageTag(c.language());
    try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        InputStream fontFile = font()) {
      PDType0Font font = PDType0Font.load(doc, fontFile, true);
      Writer w = new Writer(doc, font);
      String date = DATE.format(c.sentAt().atZone(Almaty.ZONE));
      w.paragraph(
          text(texts, locale, "organisation." + c.organisation().toLowerCase(Locale.ROOT)), 12);
      w.paragraph(text(texts, locale, "outgoing", c.outgoingNumber(), date), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "to", text(texts, locale, "addressee")), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "title"), 13);
      w.gap();
      w.paragraph(text(texts, locale, "request"), SIZE);
      w.paragraph(text(texts, locale, "case", c.caseNumber(), c.category()), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "legalBasis"), 11.5f);
      w.paragraph(c.legalBasis(), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "justification"), 11.5f);
      w.paragraph(c.justification(), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "resources", c.resources().size()), 11.5f);
      int i = 1;
      for (String url : c.resources()) {
        w.paragraph(i++ + ". " + url, SIZE);
      }
      w.gap();
      w.paragraph(text(texts, locale, "evidence", c.evidence().size()), 11.5f);
      i = 1;
      for (LetterContent.Item e : c.evidence()) {
        w.paragraph(i++ + ". " + e.name(), SIZE);
        w.indented(text(texts, locale, "evidence.size", e.size(), e.mediaType()));
        w.indented("SHA-256: " + e.sha256());
        w.indented(
            e.stampedAt() == null
                ? text(texts, locale, "evidence.timestampPending")
                : text(
                    texts,
                    locale,
                    "evidence.timestamp",
                    TIME.format(e.stampedAt().atOffset(ZoneOffset.UTC))));
      }
      w.gap();
      w.paragraph(text(texts, locale, "package"), SIZE);
      w.gap();
      w.paragraph(text(texts, locale, "signedBy", c.signedBy(), date), SIZE);
      w.paragraph(text(texts, locale, "preparedBy", c.preparedBy()), SIZE);
      w.close();

      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(c.outgoingNumber() + " " + text(texts, locale, "title"));
      info.setAuthor(
          text(texts, locale, "organisation." + c.organisation().toLowerCase(Locale.ROOT)));
      info.setProducer("Dozor");
      GregorianCalendar created = GregorianCalendar.from(c.sentAt().atZone(ZoneOffset.UTC));
      info.setCreationDate(created);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the letter", e);
    }
  }

  private static InputStream font() throws IOException {
    String file = Settings.get("dozor.letter.font", "DOZOR_LETTER_FONT", null);
    if (file != null) {
      return Files.newInputStream(Path.of(file));
    }
    InputStream in = PDDocument.class.getResourceAsStream(BUILT_IN_FONT);
    if (in == null) {
      throw new IOException("no font for letters: set DOZOR_LETTER_FONT");
    }
    return in;
  }

  private static String text(ResourceBundle texts, Locale locale, String key, Object... args) {
    return new MessageFormat(texts.getString(key), locale).format(args);
  }

  /** Lines of text down the pages, wrapped to the width, a new page when one is full. */
  private static final class Writer {
    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    Writer(PDDocument doc, PDType0Font font) {
      this.doc = doc;
      this.font = font;
    }

    void gap() {
      y -= LEADING / 2;
    }

    void paragraph(String text, float size) throws IOException {
      for (String line : text.split("\\R", -1)) {
        for (String wrapped : wrap(clean(line), size, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
          line(wrapped, size, MARGIN);
        }
      }
    }

    void indented(String text) throws IOException {
      float indent = 18;
      for (String wrapped :
          wrap(clean(text), SIZE, PDRectangle.A4.getWidth() - 2 * MARGIN - indent)) {
        line(wrapped, SIZE, MARGIN + indent);
      }
    }

    private void line(String text, float size, float x) throws IOException {
      float leading = Math.max(LEADING, size * 1.35f);
      if (page == null || y - leading < MARGIN) {
        newPage();
      }
      y -= leading;
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, y);
      page.showText(text);
      page.endText();
    }

    private void newPage() throws IOException {
      close();
      PDPage p = new PDPage(PDRectangle.A4);
      doc.addPage(p);
      page = new PDPageContentStream(doc, p);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      if (page != null) {
        page.close();
        page = null;
      }
    }

    /** Control characters become spaces; a character the font lacks becomes "?". */
    private String clean(String s) {
      StringBuilder b = new StringBuilder(s.length());
      s.codePoints()
          .forEach(
              cp -> {
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                  b.append(' ');
                } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                  b.appendCodePoint(cp);
                } else {
                  b.append('?');
                }
              });
      return b.toString();
    }

    private boolean hasGlyph(int codePoint) {
      try {
        font.encode(new String(Character.toChars(codePoint)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    private float width(String s, float size) throws IOException {
      return font.getStringWidth(s) / 1000 * size;
    }

    /** Words onto lines no wider than {@code max}; a word wider than a line is cut. */
    private List<String> wrap(String text, float size, float max) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, size) <= max) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (width(rest, size) > max) {
          // The longest start that fits, found by halving.
          int fits = 1;
          int over = rest.length();
          while (over - fits > 1) {
            int mid = (fits + over) >>> 1;
            if (width(rest.substring(0, mid), size) <= max) {
              fits = mid;
            } else {
              over = mid;
            }
          }
          int cut = fits;
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
      return lines;
    }
  }
}
