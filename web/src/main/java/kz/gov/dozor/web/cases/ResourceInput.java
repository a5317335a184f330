package kz.gov.dozor.web.cases;

import java.io.Serializable;
import kz.gov.dozor.persistence.cases.Platform;

/** One resource row of the new-case form, as the user edits it. */
public class ResourceInput implements Serializable {
  private String url;
  private Platform platform;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Platform getPlatform() {
    return platform;
  }

  public void setPlatform(Platform platform) {
    this.platform = platform;
  }
}
