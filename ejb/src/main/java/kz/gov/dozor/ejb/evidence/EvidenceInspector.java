package kz.gov.dozor.ejb.evidence;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;

/**
 * Decides what a file is from its content alone (never its name or the browser's claim), and checks
 * that it is whole: images must decode, PDFs must parse.
 */
public final class EvidenceInspector {

  /** Content types we accept as evidence, with the names users know them by. */
  public static final Map<String, String> ALLOWED =
      Map.of(
          "image/png", "PNG",
          "image/jpeg", "JPEG",
          "image/webp", "WebP",
          "application/pdf", "PDF");

  public static final List<String> ALLOWED_NAMES = List.of("PNG", "JPEG", "WebP", "PDF");

  /**
   * Decoding a larger image would take more time than one screenshot deserves. PNG and JPEG are
   * decoded row by row and subsampled, so their memory does not grow with the size.
   */
  static final long MAX_PIXELS = 100_000_000L;

  /** The lossless WebP decoder holds every pixel (4 bytes each): at most 64 MB. */
  static final long MAX_WEBP_LOSSLESS_PIXELS = 16_000_000L;

  /**
   * The lossy WebP decoder keeps per-macroblock state for the whole frame, about 25 bytes a pixel
   * whatever the subsampling: 2560 × 1440 or a phone's screen fit, a 7000 × 7000 bomb does not.
   */
  static final long MAX_WEBP_LOSSY_PIXELS = 4_000_000L;

  /**
   * Checking a PDF decodes its cross-reference and object streams; real ones are small. A stream
   * that inflates beyond this is a decompression bomb.
   */
  static final long MAX_PDF_DECODED_BYTES = 32L * 1024 * 1024;

  private static final Tika TIKA = new Tika();

  private EvidenceInspector() {}

  /** The media type detected from the first bytes of the content. */
  public static String detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TIKA.detect(in);
    }
  }

  public static InspectedFile inspect(Path file) throws IOException {
    if (Files.size(file) == 0) {
      throw new EvidenceRejectedException(Reason.EMPTY);
    }
    String type = detect(file);
    if (!ALLOWED.containsKey(type)) {
      throw new EvidenceRejectedException(
          Reason.TYPE_NOT_ALLOWED, type, String.join(", ", ALLOWED_NAMES));
    }
    if (type.equals("application/pdf")) {
      checkPdf(file);
      return new InspectedFile(type, null, null);
    }
    if (type.equals("image/webp")) {
      checkRiffLength(file);
      checkWebPHeader(file);
    }
    return checkImage(file, type);
  }

  /** The PNG reader stops at the last pixel and never sees a missing end: check it ourselves. */
  private static void checkPngEnd(Path file) throws IOException {
    byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    long size = Files.size(file);
    if (size < iend.length) {
      throw new EvidenceRejectedException(Reason.CORRUPT, "PNG");
    }
    byte[] tail = new byte[iend.length];
    try (var ch = Files.newByteChannel(file)) {
      ch.position(size - iend.length);
      ByteBuffer buf = ByteBuffer.wrap(tail);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // read the whole tail
      }
    }
    if (!java.util.Arrays.equals(tail, iend)) {
      throw new EvidenceRejectedException(Reason.CORRUPT, "PNG");
    }
  }

  /**
   * The WebP reader decodes a cut-off lossless image without error or warning, making up the
   * missing pixels; the RIFF header declares the whole length, so a shorter file is truncated.
   */
  private static void checkRiffLength(Path file) throws IOException {
    byte[] header = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(header, 0, 8) < 8) {
        throw new EvidenceRejectedException(Reason.CORRUPT, "WebP");
      }
    }
    long declared =
        ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    if (Files.size(file) < declared + 8) {
      throw new EvidenceRejectedException(Reason.CORRUPT, "WebP");
    }
  }

  /**
   * Refuses a WebP whose canvas or any frame is too large for its decoder, from the chunk headers:
   * a frame may declare a larger picture than the canvas the reader reports.
   */
  private static void checkWebPHeader(Path file) throws IOException {
    WebPHeader header = WebPHeader.read(file);
    if (header == null) {
      throw new EvidenceRejectedException(Reason.CORRUPT, "WebP");
    }
    long max = header.lossy() ? MAX_WEBP_LOSSY_PIXELS : MAX_WEBP_LOSSLESS_PIXELS;
    if (header.maxPixels() > max) {
      throw new EvidenceRejectedException(Reason.TOO_MANY_PIXELS, header.width(), header.height());
    }
  }

  /**
   * Parses the PDF from the file (not from a copy in memory), with PDFBox's scratch data in
   * temporary files and at most {@link #MAX_PDF_DECODED_BYTES} decoded, taking turns with image
   * decoding.
   */
  private static void checkPdf(Path file) {
    DECODING.acquireUninterruptibly();
    try (PdfDecodingBudget budget = PdfDecodingBudget.open(MAX_PDF_DECODED_BYTES)) {
      int pages;
      try (PDDocument doc =
          Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
        pages = doc.getNumberOfPages();
      } catch (InvalidPasswordException e) {
        throw new EvidenceRejectedException(Reason.ENCRYPTED);
      } catch (IOException | RuntimeException e) {
        if (e instanceof EvidenceRejectedException r) {
          throw r;
        }
        pages = 0;
      }
      if (budget.exceeded()) {
        throw new EvidenceRejectedException(
            Reason.DECODED_TOO_LARGE, MAX_PDF_DECODED_BYTES / (1024 * 1024));
      }
      if (pages < 1) {
        throw new EvidenceRejectedException(Reason.CORRUPT, "PDF");
      }
    } finally {
      DECODING.release();
    }
  }

  private static InspectedFile checkImage(Path file, String type) {
    String name = ALLOWED.get(type);
    ImageReader reader = readerFor(type);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if ((long) width * height > MAX_PIXELS) {
        throw new EvidenceRejectedException(Reason.TOO_MANY_PIXELS, width, height);
      }
      if (type.equals("image/png")) {
        checkPngEnd(file);
      }
      // Decoders report truncated data as warnings, not errors: treat them as corruption.
      AtomicReference<String> warning = new AtomicReference<>();
      reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
      decode(reader, width, height, DECODE_PIXELS);
      if (warning.get() != null) {
        throw new EvidenceRejectedException(Reason.CORRUPT, name);
      }
      return new InspectedFile(type, width, height);
    } catch (IOException | RuntimeException e) {
      if (e instanceof EvidenceRejectedException r) {
        throw r;
      }
      throw new EvidenceRejectedException(Reason.CORRUPT, name);
    } finally {
      reader.dispose();
    }
  }

  /** Decoding reads every byte but keeps at most about this many pixels in memory. */
  static final long DECODE_PIXELS = 4_000_000L;

  /** Large decodes at once would exhaust the server's memory: they take turns. */
  private static final Semaphore DECODING = new Semaphore(2);

  /**
   * Decodes image 0 of the reader's input, reading all of it (so damage is found) but keeping only
   * every n-th pixel in each direction, so that at most {@code keepPixels} are held.
   */
  static BufferedImage decode(ImageReader reader, int width, int height, long keepPixels)
      throws IOException {
    int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / keepPixels)));
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(step, step, 0, 0);
    DECODING.acquireUninterruptibly();
    try {
      return reader.read(0, param);
    } finally {
      DECODING.release();
    }
  }

  /**
   * The JDK reads PNG and JPEG; WebP comes from TwelveMonkeys, created directly so that we never
   * depend on ImageIO's JVM-wide plugin registry, which an application server shares.
   */
  static ImageReader readerFor(String type) {
    if (type.equals("image/webp")) {
      return new WebPImageReaderSpi().createReaderInstance(null);
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no image reader for " + type);
    }
    return readers.next();
  }
}
