package kz.gov.dozor.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.gov.dozor.persistence.cases.CaseStatus;
import org.junit.jupiter.api.Test;

/** An empty list says "no cases yet" unless a filter is set: then "no case matches". */
class CaseListBackingTest {

  @Test
  void blankFiltersAreNoFilters() {
    CaseListBacking list = new CaseListBacking();
    assertThat(list.isFiltered()).isFalse();
    list.setUrlText("   ");
    list.setCategoryCode("");
    assertThat(list.isFiltered()).isFalse();
  }

  @Test
  void anyFilterSetIsAFilter() {
    CaseListBacking byUrl = new CaseListBacking();
    byUrl.setUrlText("casino");
    assertThat(byUrl.isFiltered()).isTrue();
    CaseListBacking byStatus = new CaseListBacking();
    byStatus.setStatus(CaseStatus.values()[0]);
    assertThat(byStatus.isFiltered()).isTrue();
    CaseListBacking byDate = new CaseListBacking();
    byDate.setRegisteredFrom(LocalDate.of(2026, 11, 1));
    assertThat(byDate.isFiltered()).isTrue();
  }
}
