package kz.gov.dozor.ejb.intake;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells the import's row where its job is: running (with its execution), then how it ended. */
@Named("importJobListener")
@Dependent
public class ImportJobListener extends AbstractJobListener {

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  @Inject JobContext job;
  @Inject ImportRows rows;

  @Override
  public void beforeJob() {
    rows.running(Long.parseLong(importId), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    boolean completed =
        job.getBatchStatus() == BatchStatus.COMPLETED
            || job.getBatchStatus() == BatchStatus.STARTED;
    rows.finished(Long.parseLong(importId), job.getExecutionId(), completed, job.getExitStatus());
  }
}
