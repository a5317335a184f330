package kz.gov.dozor.it.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;

/**
 * Triage items and their detections written straight into the tables, as intake stores them: one
 * detection per item from the source {@code source}, under hosts {@code {marker}{i}.example}.
 */
final class TriageData {

  private final TestData db;

  TriageData(TestData db) {
    this.db = db;
  }

  static String marker(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  /** {@code count} pending items of {@code organisation}; returns their ids in host order. */
  List<Long> items(String organisation, String marker, int count, String source) throws Exception {
    db.update(
        "insert into triage_item (id, version, organisation, status, url_original,"
            + " url_normalized, host, platform, category_code, score, first_seen_at, last_seen_at,"
            + " seen_count, source_count)"
            + " select nextval('triage_item_seq'), 0, ?, 'PENDING',"
            + " 'https://' || ? || g || '.example/offer', 'https://' || ? || g || '.example/offer',"
            + " ? || g || '.example', 'WEBSITE', 'ILLEGAL_GAMBLING', (g % 100) / 100.0,"
            + " now() - (g || ' hours')::interval, now() - (g || ' minutes')::interval, g, 1"
            + " from generate_series(1, ?) g",
        organisation, marker, marker, marker, count);
    db.update(
        "insert into detection (id, organisation, source_system, source_ref, received_from,"
            + " received_at, detected_at, url_original, url_normalized, host, platform,"
            + " category_code, score, triage_item_id)"
            + " select nextval('detection_seq'), t.organisation, ?, ? || t.id, 'crawler-test',"
            + " t.last_seen_at, t.first_seen_at, t.url_original, t.url_normalized, t.host,"
            + " t.platform, t.category_code, t.score, t.id"
            + " from triage_item t where t.host like ?",
        source,
        marker,
        marker + "%");
    return ids(marker);
  }

  List<Long> ids(String marker) throws Exception {
    return db
        .rows("select id from triage_item where host like ? order by id", marker + "%")
        .stream()
        .map(r -> ((Number) r.get(0)).longValue())
        .toList();
  }

  /**
   * Gives the item a screenshot: the PNG (e.g. {@code TestFiles.png(seed)}) kept in the evidence
   * store under its hash and named by the item's detection. Returns the hash.
   */
  String screenshot(long itemId, byte[] png, int seed, EvidenceStore store) throws Exception {
    String sha = TestFiles.sha256(png);
    Path file = store.pathOf(sha);
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.write(file, png);
    }
    db.update(
        "update detection set screenshot_sha256 = ?, screenshot_type = 'image/png',"
            + " screenshot_bytes = ?, screenshot_name = ?, screenshot_width = 1,"
            + " screenshot_height = 1 where triage_item_id = ?",
        sha,
        (long) png.length,
        "shot" + seed + ".png",
        itemId);
    db.update(
        "update triage_item set screenshot_detection_id ="
            + " (select min(id) from detection where triage_item_id = ?) where id = ?",
        itemId,
        itemId);
    return sha;
  }

  String status(long itemId) throws Exception {
    return (String) db.single("select status from triage_item where id = ?", itemId);
  }
}
