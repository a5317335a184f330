package kz.gov.dozor.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agency's administrator opens suppression rules from the home page, is told beside the field
 * what is wrong with a rule, adds one and retires it; the page is closed to others.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class SuppressionRulesBrowserIT {

  @Test
  void theAgencysAdministratorAddsAndRetiresARule(Browser admin) {
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "en");
    admin.open("");
    admin.find(By.id("homeRules")).click();
    admin.find(By.id("rule:save"));
    assertTrue(admin.url().contains("/intake/suppression-rules.xhtml"), admin.url());

    // Sent empty: every field says it is required, the pattern too.
    admin.find(By.id("rule:save")).click();
    admin.idle();
    assertEquals("This field is required.", Portal.messageBeside(admin, "rule:pattern"));

    String host = "browser-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    new Select(admin.find(By.id("rule:kind"))).selectByVisibleText("Host");
    admin.find(By.id("rule:pattern")).sendKeys("https://" + host + "/x");
    new Select(admin.find(By.id("rule:action"))).selectByVisibleText("Drop");
    admin.find(By.id("rule:reason")).sendKeys("Known mirror of a blocked casino");
    String lastDay =
        LocalDate.now(ZoneId.of("Asia/Almaty"))
            .plusDays(10)
            .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    admin.find(By.id("rule:endsOn_input")).sendKeys(lastDay);
    admin.find(By.id("rule:save")).click();
    admin.idle();
    assertTrue(
        admin.find(By.id("rule")).getText().contains("Not a host name"),
        admin.find(By.id("rule")).getText());
    assertEquals(
        "Known mirror of a blocked casino",
        admin.find(By.id("rule:reason")).getAttribute("value"),
        "what was typed is kept");

    admin.find(By.id("rule:pattern")).clear();
    admin.find(By.id("rule:pattern")).sendKeys(host);
    admin.find(By.id("rule:save")).click();
    admin.idle();
    WebElement row = rowOf(admin, host);
    assertTrue(row.getText().contains("In force"), row.getText());
    assertTrue(
        row.getText().contains("Saule Akhmetova"), "named by the full name: " + row.getText());
    assertEquals("0", row.findElement(By.cssSelector(".dz-rule-count")).getText().trim());

    row.findElement(By.cssSelector("button[id$=':retire']")).click();
    admin.find(By.id("list:confirmYes")).click();
    admin.idle();
    WebElement retired = rowOf(admin, host);
    assertTrue(retired.getText().contains("Retired"), retired.getText());
    assertTrue(
        retired.findElements(By.cssSelector("button[id$=':retire']")).isEmpty(),
        "a retired rule is not retired again");
  }

  @Test
  void aLongPatternIsReadInFullAndNeverWidensThePage(Browser admin) {
    admin.driver().manage().window().setSize(new Dimension(1366, 900));
    Portal.signIn(admin, "admin.afm");
    Portal.chooseLanguage(admin, "kk");
    admin.open("intake/suppression-rules.xhtml");
    String pattern =
        "https://long-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "-"
            + "a".repeat(300)
            + "*";
    new Select(admin.find(By.id("rule:kind"))).selectByValue("URL_PATTERN");
    admin.script("arguments[0].value = arguments[1];", admin.find(By.id("rule:pattern")), pattern);
    new Select(admin.find(By.id("rule:action"))).selectByValue("DROP");
    admin.find(By.id("rule:reason")).sendKeys("Бір казиноның айналары");
    admin
        .find(By.id("rule:endsOn_input"))
        .sendKeys(
            LocalDate.now(ZoneId.of("Asia/Almaty"))
                .plusDays(5)
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    admin.find(By.id("rule:save")).click();
    admin.idle();
    assertTrue(admin.find(By.id("messages")).getText().contains(pattern), admin.pageText());

    // The message quoting it and the table wrap; the Kazakh header of the kind is not cut off.
    assertEquals(
        Boolean.TRUE,
        admin.script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
        "the page is wider than the window");
    WebElement kindHeader = admin.find(By.cssSelector("#list\\:table thead th.dz-rule-kind"));
    assertEquals(
        Boolean.TRUE,
        admin.script("return arguments[0].scrollWidth <= arguments[0].clientWidth;", kindHeader),
        "the header is cut off: " + kindHeader.getText());
    WebElement code =
        rowOf(admin, pattern.substring(0, 20)).findElement(By.cssSelector(".dz-code"));
    assertEquals(
        Boolean.TRUE,
        admin.script(
            "return arguments[0].getBoundingClientRect().right <= "
                + "arguments[0].closest('td').getBoundingClientRect().right;",
            code),
        "the pattern runs out of its cell");
  }

  @Test
  void othersAreRefused(Browser investigator) {
    Portal.signIn(investigator, "investigator1");
    investigator.open("intake/suppression-rules.xhtml");
    assertEquals("403", investigator.find(By.id("errorCode")).getText());
    assertFalse(investigator.present(By.id("rule:save")));
  }

  /** The table's row of the host, looked up again while the table is being re-rendered. */
  static WebElement rowOf(Browser b, String host) {
    return b.waitFor()
        .withMessage("a row for " + host)
        .until(
            d -> {
              for (WebElement row : d.findElements(By.cssSelector("#list\\:table tbody tr"))) {
                if (row.getText().contains(host)) {
                  return row;
                }
              }
              return null;
            });
  }
}
