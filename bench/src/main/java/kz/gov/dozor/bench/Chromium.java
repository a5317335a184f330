package kz.gov.dozor.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, signed in through Keycloak, for what only a browser can time. */
final class Chromium implements AutoCloseable {

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Portal portal;

  Chromium(Portal portal) throws IOException {
    this.portal = portal;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory("dozor-bench-chromium"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build(),
            options);
    wait = new WebDriverWait(driver, Duration.ofMinutes(5));
  }

  /** Signs in; users who need a one-time password get it from the demo secrets and oathtool. */
  void signIn(String user, String password, Path demoTotp) throws Exception {
    driver.get(portal.base);
    find(By.id("username")).sendKeys(user);
    find(By.id("password")).sendKeys(password);
    click(By.id("kc-login"));
    wait.until(
        d ->
            !d.findElements(By.id("signOut")).isEmpty() || !d.findElements(By.id("otp")).isEmpty());
    if (!driver.findElements(By.id("otp")).isEmpty()) {
      Properties secrets = new Properties();
      try (InputStream in = Files.newInputStream(demoTotp)) {
        secrets.load(in);
      }
      Process p =
          new ProcessBuilder("oathtool", "--totp", "-b", secrets.getProperty(user))
              .redirectErrorStream(true)
              .start();
      String code = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor();
      find(By.id("otp")).sendKeys(code);
      click(By.id("kc-login"));
      find(By.id("signOut"));
    }
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks and waits for the page to be replaced. */
  void click(By by) {
    WebElement page = driver.findElement(By.tagName("html"));
    find(by).click();
    wait.until(ExpectedConditions.stalenessOf(page));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
