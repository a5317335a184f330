package kz.gov.dozor.ejb.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;

/**
 * An export on its way to the client, signed as it goes: every byte is digested (SHA-256) for the
 * signature, and the last bytes are held back until {@link #release()}, so that the client cannot
 * hold the whole export before its signature has been kept. Memory stays at one small buffer.
 */
public final class SigningOutput extends OutputStream {

  private static final int HELD = 16 * 1024;

  private final OutputStream client;
  private final DetachedSigner.Signature signature;
  private final OutputStream signed;
  private final byte[] held = new byte[HELD];
  private int heldCount;
  private long bytes;

  public SigningOutput(OutputStream client, DetachedSigner.Signature signature) {
    this.client = client;
    this.signature = signature;
    this.signed = signature.content();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    signed.write(b, off, len);
    bytes += len;
    while (len > 0) {
      if (heldCount == HELD) {
        client.write(held, 0, heldCount);
        heldCount = 0;
      }
      int n = Math.min(len, HELD - heldCount);
      System.arraycopy(b, off, held, heldCount, n);
      heldCount += n;
      off += n;
      len -= n;
    }
  }

  /** Flushes nothing to the client: what is held waits for the signature. */
  @Override
  public void flush() {
    // Deliberately empty: see release().
  }

  /** The signature of everything written; call once, after the last byte. */
  public byte[] sign() {
    return signature.finish();
  }

  /** The SHA-256 (hex) of everything written, as signed; after {@link #sign()}. */
  public String sha256() {
    return HexFormat.of().formatHex(signature.digest());
  }

  public long bytes() {
    return bytes;
  }

  /** Sends what was held back and flushes: the client now has the whole export. */
  public void release() throws IOException {
    client.write(held, 0, heldCount);
    heldCount = 0;
    client.flush();
  }
}
