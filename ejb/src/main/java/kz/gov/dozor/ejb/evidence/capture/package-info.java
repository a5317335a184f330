/**
 * Capturing a web page as evidence: the server drives headless Chromium (behind {@link
 * kz.gov.dozor.ejb.evidence.capture.PageBrowser}) and keeps a full-page screenshot, the rendered
 * HTML and what the exchange was (status, headers, final URL, address, TLS chain, browser, time),
 * each file with its SHA-256, as one capture. Requests wait in a queue in the database that any
 * node works off, at most N at once; targets the portal must not reach are refused.
 */
package kz.gov.dozor.ejb.evidence.capture;
