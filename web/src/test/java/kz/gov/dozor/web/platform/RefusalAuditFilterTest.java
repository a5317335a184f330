package kz.gov.dozor.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kz.gov.dozor.web.platform.RefusalAuditFilter.Subject;
import org.junit.jupiter.api.Test;

class RefusalAuditFilterTest {

  @Test
  void aRefusedCasePageNamesTheCaseSoThatItsOwnerSeesTheAttempt() {
    assertEquals(
        new Subject("case", "42"),
        RefusalAuditFilter.subjectOf("/dozor", "/dozor/cases/view.xhtml", "tab=x&id=42"));
    assertEquals(
        new Subject("notice", "7"),
        RefusalAuditFilter.subjectOf("/dozor", "/dozor/notices/view.xhtml", "id=7"));
    assertEquals(
        new Subject("evidence", "9"),
        RefusalAuditFilter.subjectOf("/dozor", "/dozor/evidence/9/download", null));
  }

  @Test
  void anythingElseIsThePageItself() {
    assertEquals(
        new Subject("page", "/admin/audit.xhtml"),
        RefusalAuditFilter.subjectOf("/dozor", "/dozor/admin/audit.xhtml", "id=3"));
    assertEquals(
        new Subject("page", "/cases/view.xhtml"),
        RefusalAuditFilter.subjectOf("/dozor", "/dozor/cases/view.xhtml", "xid=3"));
    assertEquals(new Subject("page", null), RefusalAuditFilter.subjectOf("/dozor", null, null));
  }

  @Test
  void theRequestedAddressKeepsItsQuery() {
    assertEquals(
        "/dozor/cases/view.xhtml?id=5&x=1",
        RequestOriginFilter.requestedUrl("/dozor/cases/view.xhtml", "id=5&x=1"));
    assertEquals("/dozor/", RequestOriginFilter.requestedUrl("/dozor/", null));
  }
}
