package kz.gov.dozor.persistence.cases;

/** Whether the content is already prohibited, and by what: the procedure's second question. */
public enum ProhibitedBy {
  NONE,
  LAW,
  COURT
}
