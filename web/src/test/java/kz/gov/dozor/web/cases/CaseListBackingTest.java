package kz.gov.dozor.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.platform.MatchCount;
import kz.gov.dozor.persistence.cases.CaseStatus;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;

/** An empty list says "no cases yet" unless a filter is set: then "no case matches". */
class CaseListBackingTest {

  @Test
  void blankFiltersAreNoFilters() {
    CaseListBacking list = new CaseListBacking();
    assertThat(list.isFiltered()).isFalse();
    list.setUrlText("   ");
    list.columnFilters(Map.of("categoryCode", filter("categoryCode", "")));
    assertThat(list.isFiltered()).isFalse();
  }

  @Test
  void anyFilterSetIsAFilter() {
    CaseListBacking byUrl = new CaseListBacking();
    byUrl.setUrlText("casino");
    assertThat(byUrl.isFiltered()).isTrue();
    CaseListBacking byStatus = new CaseListBacking();
    byStatus.columnFilters(Map.of("status", filter("status", CaseStatus.values()[0].name())));
    assertThat(byStatus.isFiltered()).isTrue();
    CaseListBacking byDate = new CaseListBacking();
    byDate.setRegisteredFrom(LocalDate.of(2026, 11, 1));
    assertThat(byDate.isFiltered()).isTrue();
    CaseListBacking byNumber = new CaseListBacking();
    byNumber.columnFilters(
        Map.of("registrationNumber", filter("registrationNumber", "AFM-2026-000001")));
    assertThat(byNumber.isFiltered()).isTrue();
  }

  @Test
  void aCountAboveTheCapPagesThroughTheCapAndSaysThereAreMore() {
    CaseListBacking list = new CaseListBacking();
    assertThat(list.pageable(new MatchCount(42, false))).isEqualTo(42);
    assertThat(list.isCapped()).isFalse();
    assertThat(list.pageable(new MatchCount(CaseService.COUNT_CAP, false)))
        .isEqualTo(CaseService.COUNT_CAP);
    assertThat(list.isCapped()).isFalse();
    assertThat(list.pageable(new MatchCount(CaseService.COUNT_CAP, true)))
        .isEqualTo(CaseService.COUNT_CAP);
    assertThat(list.isCapped()).isTrue();
    assertThat(list.getCountCap()).isEqualTo(CaseService.COUNT_CAP);
    // A count cut off by its time budget: "more than" what it reached.
    assertThat(list.pageable(new MatchCount(4_000, true))).isEqualTo(4_000);
    assertThat(list.isCapped()).isTrue();
    assertThat(list.getCountCap()).isEqualTo(4_000);
  }

  @Test
  void theFiltersGoIntoTheAddressEncoded() {
    CaseListBacking list = new CaseListBacking();
    list.setUrlText(" casino&x='1' ");
    list.setRegisteredFrom(LocalDate.of(2026, 11, 1));
    String address =
        CaseListBacking.address(
            list.query(Map.of("status", filter("status", CaseStatus.REGISTERED.name()))));
    assertThat(address)
        .isEqualTo("from=2026-11-01&url=casino%26x%3D%271%27&status=REGISTERED")
        .matches("[A-Za-z0-9%+._*=&-]*");
    assertThat(CaseListBacking.address(new CaseListBacking().query(Map.of()))).isEmpty();
  }

  private static FilterMeta filter(String field, Object value) {
    return FilterMeta.builder().field(field).filterValue(value).build();
  }
}
