package kz.gov.dozor.ejb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.persistence.reference.LocalizedName;
import kz.gov.dozor.persistence.reference.ReferenceChange.Field;
import kz.gov.dozor.persistence.reference.ReferenceChange.Kind;
import org.junit.jupiter.api.Test;

/** Codes, three-language texts and positions are checked alike; a change lists what it changed. */
class ReferenceChecksTest {

  @Test
  void codesAreTrimmedUpperCaseAndPlain() {
    List<Problem> problems = new ArrayList<>();
    assertThat(ReferenceChecks.code("  online_casino ", problems)).isEqualTo("ONLINE_CASINO");
    assertThat(problems).isEmpty();

    assertThat(ReferenceChecks.code("2FAST", problems)).isNull();
    assertThat(ReferenceChecks.code("ONLINE CASINO", problems)).isNull();
    assertThat(ReferenceChecks.code("A".repeat(51), problems)).isNull();
    assertThat(ReferenceChecks.code(" ", problems)).isNull();
    assertThat(problems)
        .extracting(Problem::field, Problem::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("code", "reference.code.format"),
            org.assertj.core.groups.Tuple.tuple("code", "reference.code.format"),
            org.assertj.core.groups.Tuple.tuple("code", "reference.code.format"),
            org.assertj.core.groups.Tuple.tuple("code", "field.required"));
  }

  @Test
  void textsAreRequiredInEveryLanguageAndPositionsInRange() {
    List<Problem> problems = new ArrayList<>();
    assertThat(ReferenceChecks.texts("name", "Ойын", " ", "x".repeat(201), 200, problems)).isNull();
    ReferenceChecks.position(-1, problems);
    ReferenceChecks.position(null, problems);
    ReferenceChecks.position(10_000, problems);
    ReferenceChecks.position(0, problems);
    assertThat(problems)
        .extracting(p -> p.field() + "=" + p.messageKey())
        .containsExactly(
            "nameRu=field.required",
            "nameEn=text.tooLong",
            "position=reference.position.range",
            "position=reference.position.range",
            "position=reference.position.range");
    assertThat(ReferenceChecks.texts("name", " Ойын ", "Игры", "Games", 200, new ArrayList<>()))
        .isEqualTo(new LocalizedName("Ойын", "Игры", "Games"));
  }

  @Test
  void aDiffKeepsOnlyChangedFieldsAndTheAuditTextQuotesThem() {
    Diff diff =
        new Diff()
            .texts("name", new LocalizedName("a", "б", "c"), new LocalizedName("a", "б", "Casino"))
            .field("position", 10, 20)
            .field("restrictedEvidence", false, false);
    assertThat(diff.fields())
        .extracting(Field::getName, Field::getOldValue, Field::getNewValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nameEn", "c", "Casino"),
            org.assertj.core.groups.Tuple.tuple("position", "10", "20"));
    assertThat(ReferenceChanges.detail(Kind.CHANGED, diff.fields()))
        .isEqualTo("changed: nameEn \"c\" -> \"Casino\"; position \"10\" -> \"20\"");
    assertThat(new Diff().field("position", 1, 1).isEmpty()).isTrue();

    assertThat(
            ReferenceChanges.detail(
                Kind.ADDED, new Diff().field("name", null, "Say \"hi\"").fields()))
        .isEqualTo("added: name \"Say \\\"hi\\\"\"");
    assertThat(ReferenceChanges.detail(Kind.REMOVED, List.of(new Field("name", "x", null))))
        .isEqualTo("removed: name \"x\" -> (none)");
    String longText = "t".repeat(500);
    assertThat(ReferenceChanges.detail(Kind.ADDED, List.of(new Field("textRu", null, longText))))
        .hasSize("added: textRu \"".length() + ReferenceChanges.AUDIT_VALUE + "…\"".length());
  }
}
