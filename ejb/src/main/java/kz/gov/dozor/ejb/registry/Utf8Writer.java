package kz.gov.dozor.ejb.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Characters to UTF-8 through one buffer, unsynchronised: an export writes tens of millions of
 * short strings from one thread, and BufferedWriter's lock and OutputStreamWriter's second buffer
 * took a fifth of its time. An unpaired surrogate is written as U+FFFD.
 */
final class Utf8Writer extends Writer {

  private final OutputStream out;
  private final byte[] buf = new byte[65536];
  private final char[] chars = new char[1024];
  private int n;
  private char pendingHigh;

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  @Override
  public void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    // Copied out in slices (an intrinsic), then encoded from the array: no per-character checks.
    while (len > 0) {
      int k = Math.min(len, chars.length);
      s.getChars(off, off + k, chars, 0);
      write(chars, 0, k);
      off += k;
      len -= k;
    }
  }

  @Override
  public void write(char[] cs, int off, int len) throws IOException {
    int i = off;
    int end = off + len;
    while (i < end) {
      if (pendingHigh == 0) {
        // A run of ASCII, as far as the buffer has room.
        int stop = Math.min(end, i + (buf.length - n));
        while (i < stop && cs[i] < 0x80) {
          buf[n++] = (byte) cs[i++];
        }
        if (i == end) {
          return;
        }
        if (n == buf.length) {
          drain();
          continue;
        }
      }
      put(cs[i++]);
    }
  }

  private void put(char c) throws IOException {
    if (n > buf.length - 4) {
      drain();
    }
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        buf[n++] = (byte) (0xF0 | (cp >> 18));
        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      replacement();
      put(c);
      return;
    }
    if (c < 0x80) {
      buf[n++] = (byte) c;
    } else if (c < 0x800) {
      buf[n++] = (byte) (0xC0 | (c >> 6));
      buf[n++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      replacement();
    } else {
      buf[n++] = (byte) (0xE0 | (c >> 12));
      buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void replacement() {
    buf[n++] = (byte) 0xEF;
    buf[n++] = (byte) 0xBF;
    buf[n++] = (byte) 0xBD;
  }

  private void drain() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }

  /** Writes what is buffered (a surrogate left unpaired as U+FFFD) and flushes the stream. */
  @Override
  public void flush() throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      if (n > buf.length - 4) {
        drain();
      }
      replacement();
    }
    drain();
    out.flush();
  }

  /** Flushes; the stream stays open (it belongs to the caller). */
  @Override
  public void close() throws IOException {
    flush();
  }
}
