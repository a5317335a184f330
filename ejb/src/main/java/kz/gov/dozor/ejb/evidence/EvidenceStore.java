package kz.gov.dozor.ejb.evidence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sql.DataSource;
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

  /**
   * Files one person may have waiting in staging over all their open forms: three full forms (a
   * case takes at most 50). Files of forms never sent count until they are purged.
   */
  public static final int MAX_STAGED_PER_USER = 150;

  static final int THUMBNAIL_SIZE = 320;

  private static final Logger LOG = Logger.getLogger(EvidenceStore.class.getName());

  @Resource private TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource dataSource;

  @Resource(lookup = "java:/TransactionManager")
  private TransactionManager transactionManager;

  private Path root;

  @PostConstruct
  void init() {
    init(Settings.evidenceDirectory());
  }

  /** Uses the evidence directory {@code directory}; for tests without a server, too. */
  void init(Path directory) {
    root = directory.toAbsolutePath();
    try {
      Files.createDirectories(staging());
      Files.createDirectories(stagedBy());
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
  public StagedEvidence receive(InputStream content, String fileName, String owner) {
    UUID token = reserve(owner);
    boolean received = false;
    try {
      StagedEvidence staged = receive(token, content, fileName);
      received = true;
      return staged;
    } finally {
      if (!received) {
        forget(token.toString());
      }
    }
  }

  /**
   * A place in staging for one more file of {@code owner}'s, unless they already have {@link
   * #MAX_STAGED_PER_USER} files waiting there.
   */
  private synchronized UUID reserve(String owner) {
    // Counted on the shared disk (one empty marker per staged file, named by owner and token),
    // not in this node's memory: every node of a cluster sees the same count. Two nodes racing
    // for the last place may both pass; the cap is a bound, not an exact quota.
    if (stagedCountOf(owner) >= MAX_STAGED_PER_USER) {
      throw new EvidenceRejectedException(Reason.TOO_MANY_STAGED, MAX_STAGED_PER_USER);
    }
    UUID token = UUID.randomUUID();
    try {
      Files.createFile(stagedBy().resolve(ownerKey(owner) + "_" + token));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve a place in evidence staging", e);
    }
    return token;
  }

  /** How many files {@code owner} has waiting in staging. */
  int stagedCountOf(String owner) {
    int count = 0;
    try (DirectoryStream<Path> markers =
        Files.newDirectoryStream(stagedBy(), ownerKey(owner) + "_*")) {
      for (Path ignored : markers) {
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count staged evidence", e);
    }
    return count;
  }

  /** A file-name-safe key of a user: the start of the SHA-256 of their login. */
  private static String ownerKey(String owner) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private StagedEvidence receive(UUID token, InputStream content, String fileName) {
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
          EvidenceNames.of(fileName, inspected.mediaType()),
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
   * Stages a file the server made itself (a capture's screenshot, rendered HTML or record), of a
   * type it knows: hashed as it is moved in, not inspected. The file is moved, not copied.
   */
  public StagedEvidence stageGenerated(
      Path file, String fileName, String mediaType, Integer width, Integer height) {
    UUID token = UUID.randomUUID();
    Path target = staging().resolve(token.toString());
    try {
      Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      return new StagedEvidence(
          token, fileName, Files.size(target), sha256Of(target), mediaType, width, height);
    } catch (IOException e) {
      deleteQuietly(target);
      throw new UncheckedIOException("cannot stage " + fileName, e);
    }
  }

  /** A directory for work files (a capture's browser profile and output), inside the store. */
  public Path workDirectory() {
    Path work = root.resolve("work");
    try {
      Files.createDirectories(work);
      return Files.createTempDirectory(work, "capture");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory", e);
    }
  }

  /**
   * Checks that a staged file is still there and unchanged since it was received. Done before a
   * registration takes its number, so that no lock is held while files are hashed.
   */
  public void verifyStaged(StagedEvidence staged) {
    Path source = staging().resolve(staged.token().toString());
    try {
      if (!Files.exists(source)) {
        throw new IllegalStateException("staged evidence is gone: " + staged.fileName());
      }
      if (!sha256Of(source).equals(staged.sha256())) {
        throw new IllegalStateException("staged evidence changed after it was received");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read staged evidence " + staged.fileName(), e);
    }
  }

  /**
   * Puts a staged file into the store as part of the current transaction. The staged copy stays
   * until the transaction commits, so a rolled-back form can be sent again. A file this call added
   * to the store is removed again on rollback unless a committed row uses the same content; writers
   * of the same content take turns on a database lock named by the hash, so a file another
   * transaction relies on is never removed.
   */
  public void keep(StagedEvidence staged) {
    Path source = staging().resolve(staged.token().toString());
    Path target = pathOf(staged.sha256());
    long lockKey = lockKey(staged.sha256());
    boolean created;
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      // The connection joins the caller's transaction: the lock is held until it ends.
      lock.setLong(1, lockKey);
      lock.execute();
      created = !Files.exists(target);
      if (created) {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "incoming", ".tmp");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        moveAtomically(tmp, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep evidence file " + staged.fileName(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock evidence " + staged.sha256(), e);
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              deleteQuietly(source);
              forget(staged.token().toString());
            } else if (created) {
              removeIfUnused(staged.sha256(), target, lockKey);
            }
          }
        });
  }

  /** After a rollback: removes a file no committed evidence row refers to. */
  private void removeIfUnused(String sha256, Path target, long lockKey) {
    // The finished transaction is still tied to this thread: step out of it to ask the database.
    Transaction finished = null;
    try {
      finished = transactionManager.suspend();
      checkAndRemove(sha256, target, lockKey);
    } catch (SystemException e) {
      LOG.log(Level.WARNING, "cannot check whether " + target + " is still used; kept", e);
    } finally {
      if (finished != null) {
        try {
          transactionManager.resume(finished);
        } catch (InvalidTransactionException | SystemException e) {
          LOG.log(Level.FINE, "finished transaction not resumed", e);
        }
      }
    }
  }

  private void checkAndRemove(String sha256, Path target, long lockKey) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, lockKey);
        lock.execute();
      }
      try (PreparedStatement used =
          c.prepareStatement("select exists (select 1 from evidence where sha256 = ?)")) {
        used.setString(1, sha256);
        try (ResultSet rs = used.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            deleteQuietly(target);
          }
        }
      } finally {
        try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(?)")) {
          unlock.setLong(1, lockKey);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "cannot check whether " + target + " is still used; kept", e);
    }
  }

  private static long lockKey(String sha256) {
    return Long.parseUnsignedLong(sha256.substring(0, 16), 16);
  }

  /** Forgets a staged file that will not be kept. */
  public void discard(StagedEvidence staged) {
    deleteQuietly(staging().resolve(staged.token().toString()));
    forget(staged.token().toString());
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
      int w0 = reader.getWidth(0);
      int h0 = reader.getHeight(0);
      long keep = 4L * THUMBNAIL_SIZE * THUMBNAIL_SIZE;
      BufferedImage image = EvidenceInspector.decode(reader, w0, h0, keep);
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
          forget(f.getFileName().toString());
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot purge evidence staging", e);
    }
    // Markers left without their file (a node stopped half-way through a receive).
    try (DirectoryStream<Path> markers = Files.newDirectoryStream(stagedBy())) {
      for (Path m : markers) {
        if (Files.getLastModifiedTime(m).toInstant().isBefore(limit)) {
          Files.deleteIfExists(m);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot purge evidence staging markers", e);
    }
    return removed;
  }

  /** Removes the owner's marker of a staged file (by its token), whoever the owner is. */
  private void forget(String stagedName) {
    try {
      UUID token = UUID.fromString(stagedName);
      try (DirectoryStream<Path> markers = Files.newDirectoryStream(stagedBy(), "*_" + token)) {
        for (Path marker : markers) {
          Files.deleteIfExists(marker);
        }
      }
    } catch (IllegalArgumentException e) {
      LOG.log(Level.FINE, "not a staged file: " + stagedName, e);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot forget staged file " + stagedName, e);
    }
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

  /** Markers of who staged what, beside the staging area (see {@link #reserve}). */
  private Path stagedBy() {
    return root.resolve("staging-owners");
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

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + file, e);
    }
  }
}
