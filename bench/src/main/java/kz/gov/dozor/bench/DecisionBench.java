package kz.gov.dozor.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One decision on every resource of the generated bulk notification, as an officer makes it in the
 * browser: all that match, block, one number and date, one confirmation. Timed from the
 * confirmation to the decided page; beside it, the same decision as two set-based SQL statements
 * (rolled back).
 */
final class DecisionBench {

  private final Portal portal;
  private final String db;

  DecisionBench(Portal portal, String db) {
    this.portal = portal;
    this.db = db;
  }

  void run(String officer, String password) throws Exception {
    long noticeId;
    long resources;
    try (Connection con = DriverManager.getConnection(db);
        Statement s = con.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select n.id, count(r.id) from block_notice n join block_notice_resource r"
                  + " on r.notice_id = n.id where n.outgoing_number = 'AFM-N-BULK001'"
                  + " group by n.id")) {
        if (!rs.next()) {
          throw new IllegalStateException("no generated bulk notification (bench/generate.sql)");
        }
        noticeId = rs.getLong(1);
        resources = rs.getLong(2);
      }
      // Undecided again, as generated, whatever an earlier run did.
      s.executeUpdate("delete from registry_entry where notice_id = " + noticeId);
      s.executeUpdate(
          "update block_notice_resource set decision = null, decision_number = null,"
              + " decision_date = null, reason = null, decided_by = null, decided_at = null"
              + " where notice_id = "
              + noticeId);
      s.executeUpdate(
          "update block_notice set status = 'SENT', decided_at = null, version = version + 1"
              + " where id = "
              + noticeId);
    }
    double sqlSeconds = baseline(noticeId);

    String today =
        LocalDate.now(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    double seconds;
    try (Chromium b = new Chromium(portal)) {
      b.signIn(officer, password, Path.of("wildfly-config/keycloak/demo-totp.properties"));
      b.driver.get(portal.base + "notices/view.xhtml?id=" + noticeId);
      WebElement covered = b.find(By.id("noticeActions:bulkCovered"));
      b.find(By.id("noticeActions:bulkScope:1")).click();
      b.wait.until(ExpectedConditions.stalenessOf(covered));
      idle(b);
      WebElement fields = b.driver.findElement(By.id("noticeActions:bulkFields"));
      b.find(By.id("noticeActions:bulkDecision:0")).click();
      b.wait.until(ExpectedConditions.stalenessOf(fields));
      idle(b);
      b.find(By.id("noticeActions:bulkNumber")).sendKeys("MCI-BENCH-" + System.currentTimeMillis());
      b.find(By.id("noticeActions:bulkDate_input")).sendKeys(today);
      idle(b);
      WebElement page = b.driver.findElement(By.tagName("html"));
      b.find(By.id("noticeActions:bulkApply")).click();
      WebElement yes =
          b.wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(".ui-confirm-dialog[aria-hidden='false'] .ui-confirmdialog-yes")));
      String question =
          b.driver
              .findElement(
                  By.cssSelector(
                      ".ui-confirm-dialog[aria-hidden='false'] .ui-confirm-dialog-message"))
              .getText();
      long start = System.nanoTime();
      yes.click();
      b.wait.until(ExpectedConditions.stalenessOf(page));
      b.find(By.id("outgoingNumber"));
      seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("  the officer confirmed: " + question);
    }
    try (Connection con = DriverManager.getConnection(db);
        Statement s = con.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from registry_entry where active and notice_id = " + noticeId)) {
      rs.next();
      if (rs.getLong(1) != resources) {
        throw new IllegalStateException(
            "the decision blocked " + rs.getLong(1) + " of " + resources + " resources");
      }
    }
    Figures.add(
        String.format(
            Locale.ROOT, "one decision on %,d resources (browser, confirm → page)", resources),
        String.format(Locale.ROOT, "%.2f s", seconds),
        "≤ 5 s",
        String.format(Locale.ROOT, "set-based SQL %.2f s", sqlSeconds),
        Figures.ratio(seconds, sqlSeconds));
  }

  /** The decision's two writes as plain SQL, in a transaction that is rolled back. */
  private double baseline(long noticeId) throws Exception {
    try (Connection con = DriverManager.getConnection(db)) {
      con.setAutoCommit(false);
      long start = System.nanoTime();
      try (Statement s = con.createStatement()) {
        s.executeUpdate(
            "update block_notice_resource set decision = 'BLOCK', decision_number = 'SQL-1',"
                + " decision_date = current_date, decided_by = 'officer1', decided_at = now()"
                + " where notice_id = "
                + noticeId
                + " and decision is null");
        s.executeUpdate(
            "insert into registry_entry (id, version, resource_id, notice_id, url,"
                + " url_normalized, decision_number, decision_date, issuing_body, blocked_at,"
                + " blocked_by, active, host, block_type, urgent, notice_number,"
                + " included_version, changed_version)"
                + " select nextval('registry_entry_seq'), 0, r.id, b.notice_id, r.url_original,"
                + " r.url_normalized, 'SQL-1', current_date, 'MCI', now(), 'officer1', true,"
                + " r.host, 'URL', false, 'SQL-N', 2, 2"
                + " from block_notice_resource b join case_resource r on r.id = b.resource_id"
                + " where b.notice_id = "
                + noticeId);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      con.rollback();
      return seconds;
    }
  }

  private static void idle(Chromium b) {
    b.wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.jQuery || jQuery.active === 0)"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
  }
}
