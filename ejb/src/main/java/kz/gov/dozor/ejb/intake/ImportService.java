package kz.gov.dozor.ejb.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseGuard;
import kz.gov.dozor.ejb.evidence.EvidenceInspector;
import kz.gov.dozor.ejb.evidence.EvidenceNames;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NativeValues;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.platform.Settings;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.audit.AuditAction;

/**
 * File imports of detections: an investigator uploads a CSV or XLSX file, which is checked as a
 * whole (type by content, size, structure, bombs), kept where every node reaches it and processed
 * by the {@code intake-import} batch job; the investigator follows its progress and reads the
 * rejected rows.
 */
@Stateless
@RolesAllowed(Roles.INVESTIGATOR)
public class ImportService {

  private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

  public static final long MAX_BYTES = 50L * 1024 * 1024;

  /** The most data rows one file may have. */
  public static final long MAX_ROWS = 1_000_000;

  public static final String JOB = "intake-import";

  @PersistenceContext private EntityManager em;
  @Inject private CaseGuard guard;
  @Inject private AuditLog audit;
  @Inject private Clock clock;

  /**
   * Receives a file: kept under the import directory, its type decided by its content, read once
   * from end to end (so a malformed file or a spreadsheet bomb is refused now, and the row count is
   * known for the progress bar). Returns the new import's id; the job starts with {@link #start}.
   */
  public long upload(InputStream content, String fileName) throws ImportFileException {
    Caller caller = guard.agencyCaller();
    Path dir = Settings.importDirectory();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "upload", ".tmp");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(content, sha);
          OutputStream out = Files.newOutputStream(tmp)) {
        size = copyAtMost(in, out, MAX_BYTES);
      }
      if (size > MAX_BYTES) {
        throw new ImportFileException("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
      }
      if (size == 0) {
        throw new ImportFileException("import.file.empty");
      }
      String type = typeOf(tmp);
      long rows = countRows(type, tmp);
      long id =
          ((Number) em.createNativeQuery("select nextval('intake_import_seq')").getSingleResult())
              .longValue();
      Instant now = clock.instant();
      String name = EvidenceNames.of(fileName, type);
      em.createNativeQuery(
              "insert into intake_import (id, version, organisation, imported_by, file_name,"
                  + " file_type, file_bytes, file_sha256, status, created_at, rows_total)"
                  + " values (:id, 0, :org, :by, :name, :type, :bytes, :sha, 'QUEUED', :now,"
                  + " :rows)")
          .setParameter("id", id)
          .setParameter("org", caller.organisation())
          .setParameter("by", caller.username())
          .setParameter("name", name)
          .setParameter("type", type)
          .setParameter("bytes", size)
          .setParameter("sha", HexFormat.of().formatHex(sha.digest()))
          .setParameter("now", now)
          .setParameter("rows", rows)
          .executeUpdate();
      Files.move(tmp, fileOf(id), StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      audit.record(AuditAction.INTAKE_IMPORTED, "import", id, name + ": " + rows + " rows", null);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "could not remove " + tmp, e);
        }
      }
    }
  }

  /** Starts the job of one of the caller's imports that has not started yet. */
  public void start(long importId) {
    ImportView v = view(importId);
    if (!"QUEUED".equals(v.status())) {
      return;
    }
    startJob(em, importId);
  }

  /** Starts the job and records its execution; for {@link ImportWatch} too. */
  static void startJob(EntityManager em, long importId) {
    JobOperator jobs = BatchRuntime.getJobOperator();
    Properties p = new Properties();
    p.setProperty("importId", String.valueOf(importId));
    long execution = jobs.start(JOB, p);
    em.createNativeQuery(
            "update intake_import set job_execution_id = :e where id = :id and status = 'QUEUED'")
        .setParameter("e", execution)
        .setParameter("id", importId)
        .executeUpdate();
  }

  /** The caller's imports, newest first. */
  public List<ImportView> mine(int max) {
    Caller caller = guard.agencyCaller();
    return rows(
            em.createNativeQuery(
                    SELECT
                        + " where organisation = :org and imported_by = :me"
                        + " order by created_at desc, id desc")
                .setParameter("org", caller.organisation())
                .setParameter("me", caller.username())
                .setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList())
        .stream()
        .map(ImportService::toView)
        .toList();
  }

  /** One import of the caller's organisation. */
  public ImportView view(long importId) {
    Caller caller = guard.agencyCaller();
    List<Object[]> found =
        rows(
            em.createNativeQuery(SELECT + " where id = :id")
                .setParameter("id", importId)
                .getResultList());
    if (found.isEmpty()) {
      throw new NotFoundException("import.notFound");
    }
    Object[] r = found.get(0);
    if (!caller.belongsTo((String) r[16])) {
      audit.recordDenied("import", importId, "import of another organisation", null);
      throw new AccessDeniedException("access.otherOrganisation");
    }
    return toView(r);
  }

  /** A page of the import's rejected rows, by row number. */
  public List<ImportRejection> rejections(long importId, int first, int pageSize) {
    view(importId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select row_number, problem, detail, url from intake_import_rejection"
                    + " where import_id = :id order by row_number")
            .setParameter("id", importId)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(pageSize, 500)))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ImportRejection(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  /** Writes every rejected row as CSV, streamed from the database a page at a time. */
  public void writeRejectionsCsv(long importId, OutputStream out) throws IOException {
    view(importId);
    var w =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
    var csv =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .builder()
            .setHeader("row", "problem", "detail", "url")
            .get()
            .print(w);
    long after = 0;
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> page =
          em.createNativeQuery(
                  "select row_number, problem, detail, url from intake_import_rejection"
                      + " where import_id = :id and row_number > :after order by row_number")
              .setParameter("id", importId)
              .setParameter("after", after)
              .setMaxResults(1000)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      for (Object[] r : page) {
        // A formula-looking text is written as text, so a spreadsheet never runs it.
        csv.printRecord(r[0], defuse((String) r[1]), defuse((String) r[2]), defuse((String) r[3]));
        after = ((Number) r[0]).longValue();
      }
      em.clear();
    }
    csv.flush();
  }

  static String defuse(String s) {
    if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  /** Where an import's file is kept. */
  static Path fileOf(long importId) {
    return Settings.importDirectory().resolve(importId + ".data");
  }

  private static final String SELECT =
      "select id, file_name, file_type, file_bytes, imported_by, status, created_at, started_at,"
          + " finished_at, rows_total, rows_read, accepted, merged, suppressed, rejected, failure,"
          + " organisation from intake_import";

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(List<?> list) {
    return (List<Object[]>) list;
  }

  private static ImportView toView(Object[] r) {
    return new ImportView(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        ((Number) r[3]).longValue(),
        (String) r[4],
        (String) r[5],
        NativeValues.instant(r[6]),
        NativeValues.instant(r[7]),
        NativeValues.instant(r[8]),
        ((Number) r[9]).longValue(),
        ((Number) r[10]).longValue(),
        ((Number) r[11]).longValue(),
        ((Number) r[12]).longValue(),
        ((Number) r[13]).longValue(),
        ((Number) r[14]).longValue(),
        (String) r[15]);
  }

  /** CSV or XLSX, decided by the content; anything else is refused. */
  static String typeOf(Path file) throws IOException, ImportFileException {
    String detected = EvidenceInspector.detect(file);
    if (detected.equals("application/zip")
        || detected.equals("application/x-tika-ooxml")
        || detected.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
      return "XLSX";
    }
    if (detected.equals("text/plain") || detected.equals("text/csv")) {
      return "CSV";
    }
    throw new ImportFileException("import.file.notCsvOrXlsx");
  }

  /** Reads the whole file once, as the job will, and counts its data rows. */
  static long countRows(String type, Path file) throws ImportFileException, IOException {
    long rows = 0;
    try (RowSource source = RowSource.open(type, file)) {
      while (source.next() != null) {
        if (++rows > MAX_ROWS) {
          throw new ImportFileException("import.file.tooManyRows", MAX_ROWS);
        }
      }
    }
    if (rows == 0) {
      throw new ImportFileException("import.file.noRows");
    }
    return rows;
  }

  private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        return total;
      }
      out.write(buf, 0, n);
    }
    return total;
  }
}
