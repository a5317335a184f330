package kz.gov.dozor.ejb.notices;

import kz.gov.dozor.ejb.platform.NotFoundException;

/** No notification with this id. */
public class NoticeNotFoundException extends NotFoundException {
  public NoticeNotFoundException(long id) {
    super("notice.notFound", id);
  }
}
