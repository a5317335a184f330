package kz.gov.dozor.ejb.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceInspectorTest {

  /**
   * A 3x2 lossless WebP (made with {@code cwebp -lossless} from a PPM): top row red, green, blue;
   * bottom row yellow, cyan, magenta. ImageIO cannot write WebP, so it lives here as text.
   */
  private static final String WEBP_3X2_BASE64 =
      "UklGRjQAAABXRUJQVlA4TCgAAAAvAkAAAC8gEEjaH3qN+RcQFPk/2vwHH0QCg0K2EeDQvQSncBH9j2MF";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  // --- helpers --------------------------------------------------------------------------------

  /** Random pixels, so that the compressed data is large and a cut lands inside it. */
  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("no writer for " + format);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private static byte[] pdf(int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        doc.addPage(new PDPage());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] encryptedPdf(String ownerPassword, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PNG signature and a well-formed IHDR chunk claiming the given size, and nothing else. */
  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(4 + 13);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(PNG_SIGNATURE.length + 4 + ihdr.capacity() + 4);
    png.put(PNG_SIGNATURE).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }

  private static Reason rejectionOf(Path file) {
    Throwable thrown = catchThrowable(() -> EvidenceInspector.inspect(file));
    assertThat(thrown).isInstanceOf(EvidenceRejectedException.class);
    return ((EvidenceRejectedException) thrown).getReason();
  }

  // --- accepted files -------------------------------------------------------------------------

  @Test
  void acceptsPngWithItsSize() throws IOException {
    // Arrange
    Path file = write("shot.png", encode(noise(40, 30), "png"));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected).isEqualTo(new InspectedFile("image/png", 40, 30));
  }

  @Test
  void acceptsJpegWithItsSize() throws IOException {
    // Arrange
    Path file = write("shot.jpg", encode(noise(33, 17), "jpeg"));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected).isEqualTo(new InspectedFile("image/jpeg", 33, 17));
  }

  @Test
  void acceptsWebpWithItsSize() throws IOException {
    // Arrange
    Path file = write("shot.webp", Base64.getDecoder().decode(WEBP_3X2_BASE64));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected).isEqualTo(new InspectedFile("image/webp", 3, 2));
  }

  @Test
  void webpFixtureIsAGenuinelyDecodableImage() throws IOException {
    // Arrange
    Path file = write("shot.webp", Base64.getDecoder().decode(WEBP_3X2_BASE64));
    ImageReader reader = EvidenceInspector.readerFor("image/webp");

    // Act
    BufferedImage image;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      image = reader.read(0);
    } finally {
      reader.dispose();
    }

    // Assert
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
    assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(0x00ff00);
    assertThat(image.getRGB(2, 0) & 0xffffff).isEqualTo(0x0000ff);
    assertThat(image.getRGB(0, 1) & 0xffffff).isEqualTo(0xffff00);
    assertThat(image.getRGB(1, 1) & 0xffffff).isEqualTo(0x00ffff);
    assertThat(image.getRGB(2, 1) & 0xffffff).isEqualTo(0xff00ff);
  }

  @Test
  void acceptsPdfWithoutSize() throws IOException {
    // Arrange
    Path file = write("report.pdf", pdf(1));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected).isEqualTo(new InspectedFile("application/pdf", null, null));
  }

  @Test
  void acceptsPdfProtectedOnlyByOwnerPassword() throws IOException {
    // Arrange: anyone can open it; only editing is restricted.
    Path file = write("report.pdf", encryptedPdf("owner-secret", ""));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected.mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void judgesByContentNotByName() throws IOException {
    // Arrange
    Path file = write("report.pdf", encode(noise(8, 6), "png"));

    // Act
    InspectedFile inspected = EvidenceInspector.inspect(file);

    // Assert
    assertThat(inspected).isEqualTo(new InspectedFile("image/png", 8, 6));
  }

  // --- refused files --------------------------------------------------------------------------

  @Test
  void refusesEmptyFile() throws IOException {
    Path file = write("empty.png", new byte[0]);

    assertThat(rejectionOf(file)).isEqualTo(Reason.EMPTY);
  }

  @Test
  void refusesExecutableNamedAsPng() throws IOException {
    // Arrange
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    Path file = write("cute-cat.png", exe);

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.TYPE_NOT_ALLOWED);
  }

  @Test
  void refusesPlainText() throws IOException {
    Path file =
        write("notes.png", "Это просто текст, а не скриншот.\n".getBytes(StandardCharsets.UTF_8));

    assertThat(rejectionOf(file)).isEqualTo(Reason.TYPE_NOT_ALLOWED);
  }

  @Test
  void refusesPngTruncatedToHalf() throws IOException {
    // Arrange
    byte[] png = encode(noise(64, 48), "png");
    Path file = write("shot.png", Arrays.copyOf(png, png.length / 2));

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesJpegTruncatedToHalf() throws IOException {
    // Arrange
    byte[] jpeg = encode(noise(64, 48), "jpeg");
    Path file = write("shot.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesWebpMissingItsLastBytes() throws IOException {
    // Arrange: the decoder would fill in the missing lossless data without complaint.
    byte[] webp = Base64.getDecoder().decode(WEBP_3X2_BASE64);
    Path file = write("shot.webp", Arrays.copyOf(webp, webp.length - 4));

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesWebpTruncatedToHalf() throws IOException {
    byte[] webp = Base64.getDecoder().decode(WEBP_3X2_BASE64);
    Path file = write("shot.webp", Arrays.copyOf(webp, webp.length / 2));

    assertThat(rejectionOf(file)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesPngHeaderFollowedByGarbage() throws IOException {
    Path file = write("shot.png", concat(PNG_SIGNATURE, garbage(1024)));

    assertThat(rejectionOf(file)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesPdfHeaderFollowedByGarbage() throws IOException {
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    Path file = write("report.pdf", concat(header, garbage(2048)));

    assertThat(rejectionOf(file)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesPdfWithoutPages() throws IOException {
    Path file = write("report.pdf", pdf(0));

    assertThat(rejectionOf(file)).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void refusesPdfThatNeedsAPasswordToOpen() throws IOException {
    // Arrange
    Path file = write("report.pdf", encryptedPdf("owner-secret", "user-secret"));

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.ENCRYPTED);
  }

  @Test
  void refusesImageWithTooManyPixelsBeforeDecodingIt() throws IOException {
    // Arrange: the header claims 20000 x 10000 = 200 million pixels.
    Path file = write("huge.png", pngHeaderOnly(20_000, 10_000));

    // Act
    Reason reason = rejectionOf(file);

    // Assert
    assertThat(reason).isEqualTo(Reason.TOO_MANY_PIXELS);
  }
}
