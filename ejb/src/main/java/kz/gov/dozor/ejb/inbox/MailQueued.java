package kz.gov.dozor.ejb.inbox;

/** Fired when e-mails were queued; observed after the transaction commits, to send them soon. */
public record MailQueued(int count) {}
