package kz.gov.dozor.ejb.intake;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Streams the rows of an import's file; its checkpoint is the number of the last row handed out, so
 * a restarted job reads on after the last committed chunk.
 */
@Named("importRowReader")
@Dependent
public class ImportRowReader extends AbstractItemReader {

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  @Inject ImportRows rows;

  private RowSource source;
  private long lastRow;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    long id = Long.parseLong(importId);
    String type = rows.fileType(id);
    source = RowSource.open(type, ImportService.fileOf(id));
    lastRow = checkpoint == null ? 0 : (Long) checkpoint;
    if (lastRow > 0) {
      // Resumed: the rows up to the checkpoint were committed with it.
      ImportRow r;
      while ((r = source.next()) != null && r.number() < lastRow) {
        // skip
      }
      if (r != null && r.number() > lastRow) {
        pending = r;
      }
    }
  }

  private ImportRow pending;

  @Override
  public Object readItem() throws Exception {
    ImportRow r = pending != null ? pending : source.next();
    pending = null;
    if (r != null) {
      lastRow = r.number();
    }
    return r;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRow;
  }

  @Override
  public void close() throws Exception {
    if (source != null) {
      source.close();
    }
  }
}
