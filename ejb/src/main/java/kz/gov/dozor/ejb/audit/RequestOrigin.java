package kz.gov.dozor.ejb.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from and what it asked for, filled by the web layer as each
 * request arrives, so that an entry recorded deep in a service (a refusal above all) keeps the
 * address with its query and the client's address.
 */
@RequestScoped
public class RequestOrigin {

  private String requestedUrl;
  private String clientAddress;

  /** The address asked for: path and query, e.g. {@code /dozor/cases/view.xhtml?id=7}. */
  public String requestedUrl() {
    return requestedUrl;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public void arrived(String requestedUrl, String clientAddress) {
    this.requestedUrl = requestedUrl;
    this.clientAddress = clientAddress;
  }
}
