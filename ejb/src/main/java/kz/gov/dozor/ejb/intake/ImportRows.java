package kz.gov.dozor.ejb.intake;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.users.Roles;

/**
 * The import job's writes: its state, and each chunk's rows handed to intake with their counts and
 * rejections, in the chunk's transaction (so a chunk and its checkpoint commit together).
 *
 * <p>Open to every caller because the batch job runs without one; it only ever acts for an import
 * an investigator's upload recorded (see {@link ImportService}), and no page calls it. It hands
 * rows to intake as a detector does (a resumed job may run with no caller at all), for the
 * organisation and under the name of the investigator who uploaded the file.
 */
@Stateless
@PermitAll
@RunAs(Roles.DETECTOR)
public class ImportRows {

  @PersistenceContext private EntityManager em;
  @Inject private DetectionIntake intake;
  @Inject private Clock clock;

  public String fileType(long importId) {
    return (String)
        em.createNativeQuery("select file_type from intake_import where id = :id")
            .setParameter("id", importId)
            .getSingleResult();
  }

  /** The job (or its resumption) runs. */
  public void running(long importId, long execution) {
    em.createNativeQuery(
            "update intake_import set status = 'RUNNING', job_execution_id = :e,"
                + " started_at = coalesce(started_at, :now), heartbeat_at = :now"
                + " where id = :id and status in ('QUEUED', 'RUNNING')")
        .setParameter("e", execution)
        .setParameter("now", clock.instant())
        .setParameter("id", importId)
        .executeUpdate();
  }

  /** The job ended; an execution that was superseded by a resumption changes nothing. */
  public void finished(long importId, long execution, boolean completed, String exitStatus) {
    em.createNativeQuery(
            "update intake_import set status = :status, finished_at = :now, failure = :failure,"
                + " version = version + 1 where id = :id and job_execution_id = :e"
                + " and status = 'RUNNING'")
        .setParameter("status", completed ? "COMPLETED" : "FAILED")
        .setParameter("now", clock.instant())
        .setParameter("failure", completed ? null : cut(exitStatus, 1000))
        .setParameter("id", importId)
        .setParameter("e", execution)
        .executeUpdate();
  }

  /** A chunk: valid rows to intake, rejections stored, counts and the heartbeat moved on. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void write(long importId, List<ParsedRow> rows) {
    Object[] who =
        (Object[])
            em.createNativeQuery(
                    "select organisation, imported_by from intake_import where id = :id")
                .setParameter("id", importId)
                .getSingleResult();
    List<ParsedRow> valid = new ArrayList<>();
    List<ParsedRow> rejected = new ArrayList<>();
    for (ParsedRow r : rows) {
      (r.detection() != null ? valid : rejected).add(r);
    }
    long accepted = 0;
    long merged = 0;
    long suppressed = 0;
    for (int from = 0; from < valid.size(); from += DetectionIntake.MAX_BATCH) {
      List<ParsedRow> slice =
          valid.subList(from, Math.min(valid.size(), from + DetectionIntake.MAX_BATCH));
      List<DetectionOutcome> outcomes =
          intake.receive(
              new Delivery((String) who[0], (String) who[1], importId),
              slice.stream().map(ParsedRow::detection).toList());
      for (int i = 0; i < outcomes.size(); i++) {
        DetectionOutcome o = outcomes.get(i);
        switch (o.kind()) {
          case ACCEPTED -> accepted++;
          case MERGED -> merged++;
          case SUPPRESSED -> suppressed++;
          case REJECTED -> {
            ParsedRow r = slice.get(i);
            rejected.add(ParsedRow.rejected(r.row(), r.url(), o.problem(), o.detail()));
          }
        }
      }
    }
    for (ParsedRow r : rejected) {
      em.createNativeQuery(
              "insert into intake_import_rejection (import_id, row_number, problem, detail, url)"
                  + " values (:id, :row, :problem, :detail, :url)"
                  + " on conflict (import_id, row_number) do update set problem = excluded.problem,"
                  + " detail = excluded.detail, url = excluded.url")
          .setParameter("id", importId)
          .setParameter("row", r.row())
          .setParameter("problem", cut(r.problem() == null ? "rejected" : r.problem(), 100))
          .setParameter("detail", cut(r.detail(), 1000))
          .setParameter("url", cut(r.url(), 2048))
          .executeUpdate();
    }
    em.createNativeQuery(
            "update intake_import set rows_read = rows_read + :read, accepted = accepted + :a,"
                + " merged = merged + :m, suppressed = suppressed + :s,"
                + " rejected = rejected + :r, heartbeat_at = :now where id = :id")
        .setParameter("read", (long) rows.size())
        .setParameter("a", accepted)
        .setParameter("m", merged)
        .setParameter("s", suppressed)
        .setParameter("r", (long) rejected.size())
        .setParameter("now", clock.instant())
        .setParameter("id", importId)
        .executeUpdate();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
