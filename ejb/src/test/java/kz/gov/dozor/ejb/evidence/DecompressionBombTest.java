package kz.gov.dozor.ejb.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files small enough to upload that expand enormously when decoded. Each is made here, checked, and
 * the memory the check allocated is measured. Surefire runs this class in a JVM of its own with a
 * 256 MB heap (see the ejb pom), so a check without bounds fails with OutOfMemoryError, too.
 */
class DecompressionBombTest {

  /** What checking one file may allocate, all garbage included. */
  private static final long MEMORY_BOUND = 96L * 1024 * 1024;

  private static final long MB = 1024L * 1024;

  @TempDir Path dir;

  // --- PDF ------------------------------------------------------------------------------------

  @Test
  void refusesPdfWhoseObjectStreamInflatesToOverAGigabyte() throws IOException {
    // Arrange: about 1.1 MB on disk, 1.1 GB once the object stream is inflated.
    Path file = write("bomb.pdf", pdfWithObjectStream(1100 * MB));
    assertThat(Files.size(file)).isLessThan(EvidenceStore.MAX_BYTES);

    // Act
    Measured m = measure(file);

    // Assert
    assertThat(m.rejection).isEqualTo(Reason.DECODED_TOO_LARGE);
    assertThat(m.allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void acceptsTheSamePdfWhenItsObjectStreamIsOfARealSize() throws IOException {
    // Arrange: the same construction, so the refusal above is for the size and nothing else.
    Path file = write("report.pdf", pdfWithObjectStream(MB));

    // Act
    Measured m = measure(file);

    // Assert
    assertThat(m.rejection).isNull();
    assertThat(m.inspected.mediaType()).isEqualTo("application/pdf");
  }

  // --- WebP -----------------------------------------------------------------------------------

  @Test
  void refusesLossyWebpOf7000By7000PixelsFromItsHeader() throws IOException {
    // Arrange: 122 KB; the lossy decoder would hold about 25 bytes for each of 49 million pixels.
    Path file = write("bomb.webp", lossyWebp(7000, 7000, 122 * 1024));

    // Act
    Measured m = measure(file);

    // Assert
    assertThat(m.rejection).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertThat(m.arguments).containsExactly(7000, 7000);
    assertThat(m.allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void refusesWebpWhoseFrameIsLargerThanItsCanvas() throws IOException {
    // Arrange: the extended header claims 100 x 100; the frame inside claims 7000 x 7000.
    byte[] frame = lossyWebp(7000, 7000, 4096);
    byte[] vp8 = Arrays.copyOfRange(frame, 12, frame.length);
    ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put(ascii("VP8X")).putInt(10).putInt(0);
    vp8x.put(uint24(99)).put(uint24(99));
    Path file = write("canvas.webp", riff(concat(vp8x.array(), vp8)));

    // Act
    Measured m = measure(file);

    // Assert
    assertThat(m.rejection).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertThat(m.allocated).isLessThan(MEMORY_BOUND);
  }

  // --- PNG ------------------------------------------------------------------------------------

  @Test
  void refusesPngDeclaringHugeDimensionsFromItsHeader() throws IOException {
    // Arrange: 100000 x 100000 pixels declared, a few rows of data.
    Path file = write("bomb.png", png(100_000, 100_000, 3));

    // Act
    Measured m = measure(file);

    // Assert
    assertThat(m.rejection).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertThat(m.allocated).isLessThan(MEMORY_BOUND);
  }

  @Test
  void checksALargeButAllowedPngWithinTheBound() throws IOException {
    // Arrange: 9000 x 9000 pixels (243 MB of RGB) in well under 1 MB of zeros.
    Path file = write("large.png", png(9000, 9000, 9000));
    assertThat(Files.size(file)).isLessThan(MB);

    // Act
    Measured m = measure(file);

    // Assert: accepted, read through, but never held whole.
    assertThat(m.rejection).isNull();
    assertThat(m.inspected).isEqualTo(new InspectedFile("image/png", 9000, 9000));
    assertThat(m.allocated).isLessThan(MEMORY_BOUND);
  }

  // --- measuring ------------------------------------------------------------------------------

  private record Measured(
      InspectedFile inspected, Reason rejection, Object[] arguments, long allocated) {}

  private static Measured measure(Path file) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    InspectedFile inspected = null;
    Throwable thrown = catchThrowable(() -> EvidenceInspector.inspect(file));
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    if (thrown == null) {
      inspected = inspectAgain(file);
      return new Measured(inspected, null, null, allocated);
    }
    assertThat(thrown).isInstanceOf(EvidenceRejectedException.class);
    EvidenceRejectedException r = (EvidenceRejectedException) thrown;
    return new Measured(null, r.getReason(), r.getArguments(), allocated);
  }

  private static InspectedFile inspectAgain(Path file) {
    try {
      return EvidenceInspector.inspect(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // --- making the files -----------------------------------------------------------------------

  /**
   * A one-page PDF 1.5 whose catalog, page tree and page live in a Flate-compressed object stream
   * that ends in {@code padding} spaces; a cross-reference stream points into it.
   */
  static byte[] pdfWithObjectStream(long padding) throws IOException {
    String[] objects = {
      "<< /Type /Catalog /Pages 3 0 R >>",
      "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>"
    };
    StringBuilder header = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < objects.length; i++) {
      header.append(i + 2).append(' ').append(body.length()).append(' ');
      body.append(objects[i]).append('\n');
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream z =
        new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 65536)) {
      z.write(ascii(header.toString()));
      z.write(ascii(body.toString()));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long left = padding; left > 0; left -= spaces.length) {
        z.write(spaces, 0, (int) Math.min(left, spaces.length));
      }
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    pdf.write(ascii("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n"));
    long objStm = pdf.size();
    pdf.write(
        ascii(
            "1 0 obj\n<< /Type /ObjStm /N 3 /First "
                + header.length()
                + " /Filter /FlateDecode /Length "
                + compressed.size()
                + " >>\nstream\n"));
    compressed.writeTo(pdf);
    pdf.write(ascii("\nendstream\nendobj\n"));
    long xref = pdf.size();
    ByteBuffer entries = ByteBuffer.allocate(6 * 7);
    entries.put((byte) 0).putInt(0).putShort((short) 0xffff);
    entries.put((byte) 1).putInt((int) objStm).putShort((short) 0);
    for (int i = 0; i < 3; i++) {
      entries.put((byte) 2).putInt(1).putShort((short) i);
    }
    entries.put((byte) 1).putInt((int) xref).putShort((short) 0);
    pdf.write(
        ascii(
            "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 2 0 R /Length "
                + entries.capacity()
                + " >>\nstream\n"));
    pdf.write(entries.array());
    pdf.write(ascii("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
    return pdf.toByteArray();
  }

  /**
   * A lossy WebP whose key frame header declares the size, followed by random partition data: the
   * header is all a decoder needs to start allocating.
   */
  static byte[] lossyWebp(int width, int height, int length) {
    byte[] data = new byte[length];
    new Random(15).nextBytes(data);
    int firstPartition = length - 10;
    // Frame tag: key frame, version 0, shown, first partition size (19 bits).
    int tag = (firstPartition << 5) | 0x10;
    data[0] = (byte) tag;
    data[1] = (byte) (tag >> 8);
    data[2] = (byte) (tag >> 16);
    data[3] = (byte) 0x9d;
    data[4] = 0x01;
    data[5] = 0x2a;
    data[6] = (byte) width;
    data[7] = (byte) ((width >> 8) & 0x3f);
    data[8] = (byte) height;
    data[9] = (byte) ((height >> 8) & 0x3f);
    ByteBuffer chunk = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(ascii("VP8 ")).putInt(length).put(data);
    return riff(chunk.array());
  }

  private static byte[] riff(byte[] chunks) {
    ByteBuffer riff = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
    riff.put(ascii("RIFF")).putInt(4 + chunks.length).put(ascii("WEBP")).put(chunks);
    return riff.array();
  }

  /** An 8-bit RGB PNG of black rows; only {@code rows} of them are there if fewer than height. */
  static byte[] png(int width, int height, int rows) throws IOException {
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 65536)) {
      byte[] row = new byte[1 + 3 * width];
      for (int y = 0; y < rows; y++) {
        z.write(row);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    CRC32 crc = new CRC32();
    crc.update(ascii(type));
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(ascii(type));
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] uint24(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16)};
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
