package kz.gov.dozor.it.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Evidence files made at test time: real screenshots, documents, and bad ones. */
public final class TestFiles {

  private TestFiles() {}

  /** A PNG "screenshot" whose pixels depend on {@code seed}, so each one hashes differently. */
  public static byte[] png(int seed) {
    return image("png", seed);
  }

  public static byte[] jpeg(int seed) {
    return image("jpeg", seed);
  }

  private static byte[] image(String format, int seed) {
    BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x204060 + seed * 7919 & 0xffffff));
    g.fillRect(0, 0, 320, 200);
    g.setColor(Color.WHITE);
    g.drawString("casino-bonus.example " + seed, 20, 100);
    // A nonce in the picture: every file made here is new content, whatever ran before.
    g.drawString(java.util.UUID.randomUUID().toString(), 20, 140);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] pdf() {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The start of a Windows program: what a renamed ".png" really is. */
  public static byte[] exe() {
    byte[] b = new byte[4096];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  /** A PNG cut off half-way: the header says PNG, the image does not decode. */
  public static byte[] corruptPng() {
    byte[] whole = png(99);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  public static byte[] ofSize(int bytes) {
    byte[] b = new byte[bytes];
    Arrays.fill(b, (byte) 'A');
    return b;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
