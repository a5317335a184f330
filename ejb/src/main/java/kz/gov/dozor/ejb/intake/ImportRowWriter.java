package kz.gov.dozor.ejb.intake;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** Hands a chunk of checked rows to intake, in the chunk's transaction. */
@Named("importRowWriter")
@Dependent
public class ImportRowWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "importId")
  String importId;

  @Inject ImportRows rows;

  @Override
  public void writeItems(List<Object> items) {
    List<ParsedRow> parsed = new ArrayList<>(items.size());
    for (Object o : items) {
      parsed.add((ParsedRow) o);
    }
    rows.write(Long.parseLong(importId), parsed);
  }
}
