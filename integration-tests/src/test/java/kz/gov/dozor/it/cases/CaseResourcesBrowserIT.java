package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.ClientDatabase;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CasePage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.Portal.NoticePage;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A case of 300 resources on its page: the resource table is filtered and paged by the database,
 * and the investigator picks three resources on different pages of the draft's list and notifies
 * exactly those. What users type into the filters is shown as text, in every language.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
public class CaseResourcesBrowserIT {

  @Test
  public void anInvestigatorPicksThreeResourcesOnDifferentPagesOfALargeCase(Browser investigator)
      throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(
          i % 10 == 9
              ? "https://mirror" + i + "-" + marker + ".example/"
              : "https://site" + i + "-" + marker + ".example/casino");
    }
    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    new NewCasePage(investigator)
        .paste(lines)
        .category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Three hundred mirrors and sites.")
        .attach("sites.png", TestFiles.png(301))
        .register();
    CasePage page = new CasePage(investigator).route(false, "LAW", "Law on Gambling, art. 9");
    String caseUrl = investigator.url();

    // The table: a page of 50 of the 300, filtered by the database.
    assertEquals(
        50,
        investigator.all(By.cssSelector("#resourcesForm\\:resources tbody tr[data-ri]")).size());
    assertEquals("300 in all", investigator.find(By.id("resourcesForm:resourceCount")).getText());
    page.filterResources("MIRROR", "NONE");
    assertEquals(
        "30 match the filter", investigator.find(By.id("resourcesForm:resourceCount")).getText());
    assertEquals(
        30,
        investigator.all(By.cssSelector("#resourcesForm\\:resources tbody tr[data-ri]")).size());
    assertTrue(page.resources().contains("mirror9-" + marker), page.resources());
    assertFalse(page.resources().contains("site0-" + marker), page.resources());

    // The draft's list: the free ones, ten a page; three picks on three pages.
    page.filterFree(marker);
    assertTrue(
        page.pickCount().startsWith("300 free resources match the filter, 0 picked"),
        page.pickCount());
    List<String> picked = new ArrayList<>();
    picked.add(page.freeShown().get(0));
    page.pick(0);
    page.freePage(3);
    picked.add(page.freeShown().get(2));
    page.pick(2);
    page.freePage(7);
    picked.add(page.freeShown().get(5));
    page.pick(5);
    assertTrue(page.pickCount().contains("3 picked"), page.pickCount());
    assertEquals(
        List.of(
            "https://site0-" + marker + ".example/casino",
            "https://site22-" + marker + ".example/casino",
            "https://site65-" + marker + ".example/casino"),
        picked);

    NoticePage notice = page.submitNotice("Three of the mirrors.");
    assertTrue(
        investigator.find(By.id("noticeActions:resourceCount")).getText().startsWith("3 in all"),
        investigator.find(By.id("noticeActions:resourceCount")).getText());
    String items = investigator.find(By.id("noticeActions:items")).getText();
    for (String url : picked) {
      assertTrue(items.contains(url), items);
    }
    assertEquals("Awaiting sign-off", notice.status());
    TestData db = ClientDatabase.open();
    assertEquals(
        3L,
        db.count(
            "select count(*) from block_notice_resource nr join case_resource r"
                + " on r.id = nr.resource_id where r.url_original like ?",
            "%-" + marker + ".example/%"));

    // Back on the case: the three wait for the supervisor, the others are still free.
    investigator.open(caseUrl.substring(caseUrl.indexOf("/cases/")));
    page = new CasePage(investigator).filterResources(marker, "IN_REVIEW");
    assertEquals(
        "3 match the filter", investigator.find(By.id("resourcesForm:resourceCount")).getText());
    assertTrue(page.resources().contains("Awaiting the supervisor"), page.resources());
    page.filterFree(marker);
    assertTrue(page.pickCount().startsWith("297 free resources"), page.pickCount());

    // Whatever is typed is text: markup, wildcards and very long input, in every language.
    for (String lang : List.of("kk", "ru", "en")) {
      Portal.chooseLanguage(investigator, lang);
      page = new CasePage(investigator);
      for (String typed :
          List.of("<script>alert(1)</script>", "%", "_", "mirror%" + marker, "x".repeat(200))) {
        page.filterResources(typed, "");
        assertEquals(
            0,
            investigator
                .all(By.cssSelector("#resourcesForm\\:resources tbody tr[data-ri]"))
                .size());
        assertEquals(
            typed, investigator.find(By.id("resourcesForm:resourceUrl")).getAttribute("value"));
        page.filterFree(typed);
        assertEquals(
            0,
            investigator
                .all(By.cssSelector("#noticeForm\\:freeResources tbody tr[data-ri]"))
                .size());
        assertEquals(
            typed, investigator.find(By.id("noticeForm:freeFilter")).getAttribute("value"));
      }
      assertTrue(
          investigator.all(By.cssSelector("script:not([src])")).stream()
              .noneMatch(s -> s.getAttribute("innerHTML").contains("alert(1)")));
      page.filterResources("<script>alert(1)</script>", "");
      page.filterFree("<script>alert(1)</script>");
      // For a person to look at: both filters holding the markup as text.
      for (String part : List.of("resourcesForm", "noticeForm:freeFilter")) {
        investigator.script("arguments[0].scrollIntoView()", investigator.find(By.id(part)));
        investigator.screenshot(
            Path.of(
                "target/screenshots/case-resources-"
                    + lang
                    + "-"
                    + part.replace(':', '-')
                    + ".png"));
      }
    }
  }
}
