package kz.gov.dozor.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Each role of each organisation tries pages of the other side and is refused with a 403 page. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class CrossOrganisationAccessBrowserIT {

  private static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "officer2",
              List.of(
                  "cases/list.xhtml",
                  "cases/new.xhtml",
                  "cases/view.xhtml?id=1",
                  "audit/log.xhtml"),
          "admin.afm",
              List.of(
                  "cases/list.xhtml",
                  "notices/list.xhtml",
                  "notices/view.xhtml?id=1",
                  "evidence/1/download"),
          "admin.mci", List.of("cases/view.xhtml?id=1", "notices/list.xhtml", "evidence/1/view"),
          "supervisor1", List.of("cases/new.xhtml", "audit/log.xhtml"),
          "investigator2",
              List.of(
                  "audit/log.xhtml",
                  "admin/deadlines.xhtml",
                  "reference/index.xhtml",
                  "reference/categories.xhtml"));

  @Test
  void anAdministratorChangesADeadlineInThePortal(Browser b) {
    Portal.signIn(b, "admin.mci");
    Portal.chooseLanguage(b, "en");
    b.find(By.id("navReference")).click();
    b.find(By.id("deadlines")).click();
    org.openqa.selenium.WebElement days = b.find(By.cssSelector("input[id$=':days']"));
    String before = days.getAttribute("value");
    try {
      days.clear();
      days.sendKeys("0");
      b.find(By.cssSelector("button[id$=':save']")).click();
      b.waitFor().until(d -> d.getPageSource().contains("Between 1 and 60 days"));
      b.find(By.cssSelector("input[id$=':days']")).clear();
      b.find(By.cssSelector("input[id$=':days']")).sendKeys("5");
      b.find(By.cssSelector("button[id$=':save']")).click();
      b.waitFor()
          .until(
              d ->
                  "5"
                      .equals(
                          d.findElement(By.cssSelector("input[id$=':days']"))
                              .getAttribute("value")));
    } finally {
      org.openqa.selenium.WebElement again = b.find(By.cssSelector("input[id$=':days']"));
      again.clear();
      again.sendKeys(before);
      b.find(By.cssSelector("button[id$=':save']")).click();
      b.waitFor()
          .until(
              d ->
                  before.equals(
                      d.findElement(By.cssSelector("input[id$=':days']")).getAttribute("value")));
    }
  }

  @Test
  void everyRoleIsRefusedTheOtherSidesPages(Browser b) {
    for (Map.Entry<String, List<String>> user : FORBIDDEN.entrySet()) {
      Portal.signIn(b, user.getKey());
      for (String path : user.getValue()) {
        b.open(path);
        assertEquals("403", b.find(By.id("errorCode")).getText(), user.getKey() + " on " + path);
      }
      b.find(By.id("signOut")).click();
      b.find(By.id("username"));
    }
  }
}
