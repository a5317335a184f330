package kz.gov.dozor.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The provider's client syncs and confirms, and the ministry's officer sees it on the providers'
 * page, reached from the registry; the agency is refused that page.
 */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class ProvidersBrowserIT {

  @Test
  void theOfficerSeesTheVersionTheProviderConfirmed(Browser officer, Browser investigator)
      throws Exception {
    RegistrySyncIT.Sync sync =
        RegistrySyncIT.sync(Files.createTempDirectory("isp"), RegistrySyncIT.certificate());
    assertEquals(0, sync.status(), sync.output());
    Matcher applied = Pattern.compile("applied version (\\d+)").matcher(sync.output());
    assertTrue(applied.find(), sync.output());
    String version = applied.group(1);

    Portal.signIn(officer, "officer1");
    Portal.chooseLanguage(officer, "en");
    officer.find(By.id("navRegistry")).click();
    officer.find(By.id("providersLink")).click();
    WebElement row =
        officer.find(By.xpath("//*[@id='providers']//tr[.//*[contains(., 'demo-isp')]]"));
    assertEquals(version, row.findElement(By.cssSelector(".dz-applied-version")).getText());
    assertEquals(version, row.findElement(By.cssSelector(".dz-fetched-version")).getText());
    assertTrue(row.getText().contains("Demo internet provider"), row.getText());
    assertTrue(row.getText().contains("Up to date"), row.getText());
    assertTrue(
        officer.find(By.id("summary")).getText().startsWith("Registry version " + version),
        officer.find(By.id("summary")).getText());

    Portal.signIn(investigator, "investigator1");
    Portal.chooseLanguage(investigator, "en");
    investigator.find(By.id("navRegistry")).click();
    assertTrue(investigator.all(By.id("providersLink")).isEmpty(), "no link for the agency");
    investigator.open("registry/providers.xhtml");
    assertEquals("403", investigator.find(By.id("errorCode")).getText());
  }
}
