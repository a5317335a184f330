package kz.gov.dozor.it.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.CaseListPage;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An investigator registers a violation in the browser, signed in through Keycloak. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class CaseRegistrationBrowserIT {

  @Test
  void investigatorRegistersCaseWithScreenshotAndFindsItInTheListAndOnItsPage(Browser b) {
    String marker = "casino" + UUID.randomUUID().toString().substring(0, 8);
    byte[] screenshot = TestFiles.png(42);
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");

    new NewCasePage(b)
        .url(0, "HTTPS://" + marker + ".Example/lobby?utm_source=telegram#bonus")
        .addResource()
        .url(1, "t.me/" + marker)
        .category("Illegal gambling")
        .detectedHoursAgo(2)
        .description("Unlicensed online casino <b>advertised</b> with a bonus for new players.")
        .attach("lobby.png", screenshot)
        .register();

    String number = b.find(By.id("registrationNumber")).getText();
    assertTrue(number.matches("AFM-\\d{4}-\\d{6}"), number);
    assertEquals("Registered", b.find(By.id("status")).getText());
    assertEquals("Illegal gambling", b.find(By.id("category")).getText());
    // What the user typed is shown as text, never as markup.
    assertEquals(
        "Unlicensed online casino <b>advertised</b> with a bonus for new players.",
        b.find(By.id("description")).getText());
    String page = b.pageText();
    assertTrue(page.contains("https://" + marker + ".example/lobby"), "normalised URL shown");
    assertTrue(page.contains("t.me/" + marker), "second resource shown");
    assertTrue(page.contains(TestFiles.sha256(screenshot)), "SHA-256 of the screenshot shown");
    assertEquals("Aidana Seitkali", b.find(By.id("registeredBy")).getText(), "who registered it");
    WebElement thumb = b.find(By.cssSelector(".dz-thumb-img"));
    b.waitFor()
        .until(d -> ((Number) b.script("return arguments[0].naturalWidth", thumb)).intValue() > 0);

    WebElement download = b.find(By.cssSelector("a.dz-download"));
    Map<String, Object> file = b.fetch(download.getAttribute("href"));
    assertEquals(200L, file.get("status"));
    assertEquals("image/png", file.get("type"));
    assertEquals("nosniff", file.get("nosniff"));
    assertTrue(String.valueOf(file.get("disposition")).startsWith("attachment"), file.toString());
    assertEquals(TestFiles.sha256(screenshot), file.get("sha"));

    CaseListPage list = new CaseListPage(b).filterByUrl(marker);
    assertEquals(List.of(number), list.numbers());
    list.open(number);
    assertEquals(number, b.find(By.id("registrationNumber")).getText());
  }

  @Test
  void badInputGetsAMessageNextToEachFieldAndNothingIsSaved(Browser b) {
    String marker = "bad" + UUID.randomUUID().toString().substring(0, 8);
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");

    NewCasePage form = new NewCasePage(b).url(0, "javascript:alert(1)//" + marker);
    form.attach("screenshot.png", TestFiles.exe());
    assertTrue(form.uploadMessage().contains("not allowed"), form.uploadMessage());
    form.attach("broken.png", TestFiles.corruptPng());
    assertTrue(form.uploadMessage().contains("damaged"), form.uploadMessage());
    assertEquals(0, form.stagedCount());
    form.register();

    assertTrue(form.messageFor("caseForm:resource:0:url").contains("http and https"));
    assertTrue(form.messageFor("caseForm:category").contains("Choose a category"));
    assertTrue(form.messageFor("caseForm:description").contains("Describe"));
    assertTrue(form.messageFor("caseForm:detectedAt_input").contains("when"));
    // What was typed is still there.
    assertEquals(
        "javascript:alert(1)//" + marker,
        b.find(By.id("caseForm:resource:0:url")).getAttribute("value"));

    assertEquals(List.of(), new CaseListPage(b).filterByUrl(marker).numbers());
  }

  @Test
  void aKnownUrlIsShownBeforeRegisteringAndCanStillBeRegistered(Browser b) {
    String host = "dup-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    Portal.signIn(b, "investigator1");
    Portal.chooseLanguage(b, "en");
    new NewCasePage(b)
        .url(0, "https://" + host + "/page")
        .category("Illegal gambling")
        .detectedHoursAgo(3)
        .description("First report.")
        .attach("first.png", TestFiles.png(7))
        .register();
    String first = b.find(By.id("registrationNumber")).getText();
    String firstUrl = b.url();

    // The same resource, written differently: the form says where it is known on leaving the field.
    NewCasePage form = new NewCasePage(b).url(0, "HTTPS://" + host.toUpperCase() + "/page");
    b.find(By.id("caseForm:description")).click();
    WebElement known = b.find(By.id("caseForm:knownBox"));
    assertTrue(known.getText().contains(first), known.getText());
    WebElement link = b.find(By.cssSelector("#caseForm\\:knownBox a.dz-known-case"));
    assertEquals(first, link.getText());
    assertEquals(
        firstUrl.substring(firstUrl.indexOf("id=")),
        link.getAttribute("href").substring(link.getAttribute("href").indexOf("id=")));

    form.category("Illegal gambling")
        .detectedHoursAgo(1)
        .description("Second report of the same site.")
        .attach("second.png", TestFiles.png(8));
    // The first press shows the warning and registers nothing.
    form.register();
    assertTrue(b.present(By.id("caseForm:register")), "still on the form");
    assertTrue(
        b.find(By.id("caseForm:formMessages")).getText().contains("already known"),
        b.find(By.id("caseForm:formMessages")).getText());
    assertTrue(b.find(By.id("caseForm:knownBox")).getText().contains(first));
    // The second goes on.
    form.register();
    String second = b.find(By.id("registrationNumber")).getText();
    assertTrue(second.matches("AFM-\\d{4}-\\d{6}") && !second.equals(first), second);
    assertTrue(b.pageText().contains("Case " + second + " registered."));
  }
}
