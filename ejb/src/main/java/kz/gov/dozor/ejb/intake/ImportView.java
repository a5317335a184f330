package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.time.Instant;

/** An import as its pages show it: the file, where the job is, and the counts so far. */
public record ImportView(
    long id,
    String fileName,
    String fileType,
    long fileBytes,
    String importedBy,
    String status,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    long rowsTotal,
    long rowsRead,
    long accepted,
    long merged,
    long suppressed,
    long rejected,
    String failure)
    implements Serializable {

  /** Percent of rows read, 0..100. */
  public int percent() {
    if (rowsTotal <= 0) {
      return isFinished() ? 100 : 0;
    }
    return (int) Math.min(100, rowsRead * 100 / rowsTotal);
  }

  public boolean isFinished() {
    return "COMPLETED".equals(status) || "FAILED".equals(status) || "INTERRUPTED".equals(status);
  }
}
