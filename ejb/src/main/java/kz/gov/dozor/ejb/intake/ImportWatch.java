package kz.gov.dozor.ejb.intake;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports whose node died: every minute, on every node, an unfinished import whose job has not
 * written for {@link #STALE} is claimed by one node (a conditional update only one wins) and
 * resumed from its last checkpoint; JBeret leaves such an execution STARTED, so it is restarted in
 * JBeret's {@code force} mode. After {@link #MAX_RESUMES} tries it is reported as interrupted, with
 * the counts of what was imported. An import whose job never started is started.
 */
@Stateless
@PermitAll
public class ImportWatch {

  private static final Logger LOG = Logger.getLogger(ImportWatch.class.getName());

  /** Far longer than a chunk takes: a job this silent is not running anywhere. */
  public static final Duration STALE = Duration.ofMinutes(3);

  public static final int MAX_RESUMES = 3;

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
  public void resumeAbandoned() {
    Instant now = clock.instant();
    Instant stale = now.minus(STALE);
    List<?> candidates =
        em.createNativeQuery(
                "select id from intake_import where status in ('QUEUED', 'RUNNING')"
                    + " and coalesce(heartbeat_at, created_at) < :stale order by id")
            .setParameter("stale", stale)
            .setMaxResults(20)
            .getResultList();
    for (Object c : candidates) {
      resume(((Number) c).longValue(), now, stale);
    }
  }

  private void resume(long id, Instant now, Instant stale) {
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                "update intake_import set heartbeat_at = :now, resumes = resumes + 1"
                    + " where id = :id and status in ('QUEUED', 'RUNNING')"
                    + " and coalesce(heartbeat_at, created_at) < :stale"
                    + " returning job_execution_id, resumes")
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("stale", stale)
            .getResultList();
    if (claimed.isEmpty()) {
      return; // another node took it
    }
    Number execution = (Number) claimed.get(0)[0];
    int resumes = ((Number) claimed.get(0)[1]).intValue();
    if (resumes > MAX_RESUMES) {
      interrupted(id, now);
      return;
    }
    try {
      if (execution == null) {
        ImportService.startJob(em, id);
      } else {
        JobOperator jobs = BatchRuntime.getJobOperator();
        Properties p = new Properties();
        p.setProperty("importId", String.valueOf(id));
        // The execution was left STARTED by the node that died: restart it all the same.
        p.setProperty("jberet.restart.mode", "force");
        jobs.restart(execution.longValue(), p);
      }
      LOG.info(() -> "import " + id + " resumed (try " + resumes + ")");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "import " + id + " could not be resumed", e);
      interrupted(id, now);
    }
  }

  private void interrupted(long id, Instant now) {
    em.createNativeQuery(
            "update intake_import set status = 'INTERRUPTED', finished_at = :now,"
                + " failure = 'interrupted', version = version + 1 where id = :id")
        .setParameter("now", now)
        .setParameter("id", id)
        .executeUpdate();
  }
}
