package kz.gov.dozor.web.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request was started by another site (a link, image or form elsewhere), as the browser
 * reports it in {@code Sec-Fetch-Site}. Such requests must not download evidence (and write its
 * custody record in the user's name) or sign the user out.
 */
public final class CrossSite {

  private CrossSite() {}

  public static boolean isCrossSite(HttpServletRequest req) {
    String site = req.getHeader("Sec-Fetch-Site");
    return "cross-site".equals(site) || "same-site".equals(site);
  }
}
