package kz.gov.dozor.web.notices;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.gov.dozor.ejb.notices.ArchiveFilter;
import kz.gov.dozor.ejb.notices.NoticeArchive;
import kz.gov.dozor.ejb.notices.NoticeRow;
import kz.gov.dozor.persistence.notices.NoticeStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The ministry's archive page: every notification it received, paged by the database. */
@Named("noticeArchive")
@ViewScoped
public class NoticeArchiveBacking implements Serializable {

  @Inject private NoticeArchive archive;

  private NoticeStatus status;
  private LocalDate receivedFrom;
  private LocalDate receivedTo;
  private LocalDate decidedFrom;
  private LocalDate decidedTo;
  private String number;
  private String urlText;
  private LazyDataModel<NoticeRow> model;

  @PostConstruct
  void init() {
    model =
        new LazyDataModel<>() {
          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, archive.count(filter()));
          }

          @Override
          public List<NoticeRow> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return archive.find(filter(), first, size);
          }

          @Override
          public String getRowKey(NoticeRow row) {
            return String.valueOf(row.id());
          }

          @Override
          public NoticeRow getRowData(String rowKey) {
            return null;
          }
        };
  }

  ArchiveFilter filter() {
    return new ArchiveFilter(
        status, receivedFrom, receivedTo, decidedFrom, decidedTo, number, urlText);
  }

  public void reset() {
    status = null;
    receivedFrom = null;
    receivedTo = null;
    decidedFrom = null;
    decidedTo = null;
    number = null;
    urlText = null;
  }

  public LazyDataModel<NoticeRow> getModel() {
    return model;
  }

  public NoticeStatus[] getStatuses() {
    return new NoticeStatus[] {
      NoticeStatus.SENT, NoticeStatus.INFO_REQUESTED, NoticeStatus.DECIDED
    };
  }

  public NoticeStatus getStatus() {
    return status;
  }

  public void setStatus(NoticeStatus status) {
    this.status = status;
  }

  public LocalDate getReceivedFrom() {
    return receivedFrom;
  }

  public void setReceivedFrom(LocalDate receivedFrom) {
    this.receivedFrom = receivedFrom;
  }

  public LocalDate getReceivedTo() {
    return receivedTo;
  }

  public void setReceivedTo(LocalDate receivedTo) {
    this.receivedTo = receivedTo;
  }

  public LocalDate getDecidedFrom() {
    return decidedFrom;
  }

  public void setDecidedFrom(LocalDate decidedFrom) {
    this.decidedFrom = decidedFrom;
  }

  public LocalDate getDecidedTo() {
    return decidedTo;
  }

  public void setDecidedTo(LocalDate decidedTo) {
    this.decidedTo = decidedTo;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getUrlText() {
    return urlText;
  }

  public void setUrlText(String urlText) {
    this.urlText = urlText;
  }
}
