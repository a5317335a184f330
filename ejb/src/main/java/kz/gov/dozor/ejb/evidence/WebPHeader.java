package kz.gov.dozor.ejb.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a WebP file's chunk headers declare, read without decoding anything: the largest picture in
 * it (the canvas or any frame, each of which a decoder allocates for) and whether any of it is
 * lossy (VP8), whose decoder needs far more memory per pixel than the lossless one (VP8L).
 */
record WebPHeader(long maxPixels, int width, int height, boolean lossy) {

  /** More chunks than any real image has; a file made of empty chunks is not worth walking. */
  private static final int MAX_CHUNKS = 10_000;

  static WebPHeader read(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      ByteBuffer riff = read(ch, 0, 12);
      if (riff == null || riff.getInt(0) != fourCc("RIFF") || riff.getInt(8) != fourCc("WEBP")) {
        return null;
      }
      Walk walk = new Walk();
      walk.chunks(ch, 12, ch.size());
      return walk.width == 0 ? null : new WebPHeader(walk.max, walk.width, walk.height, walk.lossy);
    }
  }

  private static final class Walk {
    long max;
    int width;
    int height;
    boolean lossy;
    int seen;

    void chunks(SeekableByteChannel ch, long from, long end) throws IOException {
      long pos = from;
      while (pos + 8 <= end && seen++ < MAX_CHUNKS) {
        ByteBuffer head = read(ch, pos, 8);
        if (head == null) {
          return;
        }
        int type = head.getInt(0);
        long size = head.getInt(4) & 0xffffffffL;
        long body = pos + 8;
        if (type == fourCc("VP8 ")) {
          ByteBuffer b = read(ch, body, 10);
          if (b != null) {
            lossy = true;
            picture(b.getShort(6) & 0x3fff, b.getShort(8) & 0x3fff);
          }
        } else if (type == fourCc("VP8L")) {
          ByteBuffer b = read(ch, body, 5);
          if (b != null) {
            int bits = b.getInt(1);
            picture((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
          }
        } else if (type == fourCc("VP8X")) {
          ByteBuffer b = read(ch, body, 10);
          if (b != null) {
            picture(uint24(b, 4) + 1, uint24(b, 7) + 1);
          }
        } else if (type == fourCc("ANMF")) {
          ByteBuffer b = read(ch, body, 16);
          if (b != null) {
            picture(uint24(b, 6) + 1, uint24(b, 9) + 1);
            chunks(ch, body + 16, Math.min(end, body + size));
          }
        }
        pos = body + size + (size & 1);
      }
    }

    private void picture(int w, int h) {
      long pixels = (long) w * h;
      if (pixels > max) {
        max = pixels;
        width = w;
        height = h;
      }
    }
  }

  private static int uint24(ByteBuffer b, int at) {
    return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | (b.get(at + 2) & 0xff) << 16;
  }

  private static int fourCc(String s) {
    return ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .order(ByteOrder.LITTLE_ENDIAN)
        .getInt();
  }

  /** {@code length} bytes at {@code position}, little-endian, or null if the file ends first. */
  private static ByteBuffer read(SeekableByteChannel ch, long position, int length)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    ch.position(position);
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        return null;
      }
    }
    return buf;
  }
}
