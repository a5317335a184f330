package kz.gov.dozor.ejb.evidence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import kz.gov.dozor.ejb.platform.Settings;

/**
 * The evidence store on disk, outside the web root. Kept files are named by their SHA-256 (so the
 * name proves the content); incoming files wait in a staging area until their case commits.
 */
@ApplicationScoped
public class EvidenceStore {

  /** Screenshots larger than this are refused. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  static final int THUMBNAIL_SIZE = 320;

  private static final Logger LOG = Logger.getLogger(EvidenceStore.class.getName());

  @Resource private TransactionSynchronizationRegistry transactions;

  private Path root;

  @PostConstruct
  void init() {
    root = Settings.evidenceDirectory().toAbsolutePath();
    try {
      Files.createDirectories(staging());
      Files.createDirectories(root.resolve("store"));
      Files.createDirectories(root.resolve("thumbnails"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the evidence directory " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Receives a file into staging, hashing it as it arrives, and checks it. A refused file leaves
   * nothing behind.
   */
  public StagedEvidence receive(InputStream content, String fileName) {
    UUID token = UUID.randomUUID();
    Path file = staging().resolve(token.toString());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(content, sha);
          OutputStream out = Files.newOutputStream(file)) {
        size = copyAtMost(in, out, MAX_BYTES);
      }
      if (size > MAX_BYTES) {
        throw new EvidenceRejectedException(Reason.TOO_LARGE, MAX_BYTES / (1024 * 1024));
      }
      InspectedFile inspected = EvidenceInspector.inspect(file);
      return new StagedEvidence(
          token,
          cleanFileName(fileName),
          size,
          HexFormat.of().formatHex(sha.digest()),
          inspected.mediaType(),
          inspected.width(),
          inspected.height());
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("cannot receive evidence file", e);
    } catch (NoSuchAlgorithmException e) {
      deleteQuietly(file);
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  /**
   * Moves a staged file into the store as part of the current transaction. If the transaction rolls
   * back, the file goes back to staging (the user's form can be sent again and nothing is left in
   * the store); if the move fails, the caller's transaction fails with it.
   */
  public void keep(StagedEvidence staged) {
    Path source = staging().resolve(staged.token().toString());
    Path target = pathOf(staged.sha256());
    boolean created;
    try {
      if (!Files.exists(source)) {
        throw new IllegalStateException("staged evidence is gone: " + staged.fileName());
      }
      if (!sha256Of(source).equals(staged.sha256())) {
        throw new IllegalStateException("staged evidence changed after it was received");
      }
      // Same content already kept (by another case): the hash names it, nothing to write.
      created = !Files.exists(target);
      if (created) {
        Files.createDirectories(target.getParent());
        moveAtomically(source, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep evidence file " + staged.fileName(), e);
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            boolean committed = status == Status.STATUS_COMMITTED;
            if (committed && !created) {
              deleteQuietly(source);
            } else if (!committed && created) {
              try {
                moveAtomically(target, source);
              } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot return " + target + " to staging", e);
                deleteQuietly(target);
              }
            }
          }
        });
  }

  /** Forgets a staged file that will not be kept. */
  public void discard(StagedEvidence staged) {
    deleteQuietly(staging().resolve(staged.token().toString()));
  }

  /** The kept file with this SHA-256. */
  public Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve("store")
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }

  /** A small JPEG of a kept image, made on first use and cached beside the store. */
  public Path thumbnailOf(String sha256, String mediaType) {
    Path thumb = root.resolve("thumbnails").resolve(sha256 + ".jpg");
    if (Files.exists(thumb)) {
      return thumb;
    }
    ImageReader reader = EvidenceInspector.readerFor(mediaType);
    try (ImageInputStream in = ImageIO.createImageInputStream(pathOf(sha256).toFile())) {
      reader.setInput(in, true, true);
      BufferedImage image = reader.read(0);
      double scale =
          Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
      int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
      BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = small.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(image, 0, 0, w, h, null);
      g.dispose();
      Path tmp = Files.createTempFile(root.resolve("thumbnails"), "thumb", ".tmp");
      ImageIO.write(small, "jpeg", tmp.toFile());
      moveAtomically(tmp, thumb);
      return thumb;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make thumbnail", e);
    } finally {
      reader.dispose();
    }
  }

  /** Removes staged files older than {@code age}: uploads of forms never submitted. */
  public int purgeStaging(Duration age) {
    Instant limit = Instant.now().minus(age);
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging())) {
      for (Path f : files) {
        FileTime modified = Files.getLastModifiedTime(f);
        if (modified.toInstant().isBefore(limit) && Files.deleteIfExists(f)) {
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot purge evidence staging", e);
    }
    return removed;
  }

  static String sha256Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path staging() {
    return root.resolve("staging");
  }

  /** Copies until {@code limit} is passed; returns the bytes read, at most limit + 1. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[65536];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        return total;
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  private static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String cleanFileName(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("\\p{Cntrl}", "").strip();
    if (n.isEmpty()) {
      n = "evidence";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + file, e);
    }
  }
}
