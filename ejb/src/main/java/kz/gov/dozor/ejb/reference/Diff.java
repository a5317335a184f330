package kz.gov.dozor.ejb.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.ReferenceChange.Field;

/** The fields an edit changes, each with its old and new value as text; unchanged ones left out. */
final class Diff {

  private final List<Field> fields = new ArrayList<>();

  /** A field's values before and after; null before means the entry is new. */
  Diff field(String name, Object before, Object after) {
    String o = before == null ? null : String.valueOf(before);
    String n = after == null ? null : String.valueOf(after);
    if (!Objects.equals(o, n)) {
      fields.add(new Field(name, o, n));
    }
    return this;
  }

  /** The three languages of a text as three fields: {@code nameKk}, {@code nameRu}, … */
  Diff texts(String name, LocalizedName before, LocalizedName after) {
    field(name + "Kk", before == null ? null : before.getKk(), after.getKk());
    field(name + "Ru", before == null ? null : before.getRu(), after.getRu());
    return field(name + "En", before == null ? null : before.getEn(), after.getEn());
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  List<Field> fields() {
    return List.copyOf(fields);
  }
}
