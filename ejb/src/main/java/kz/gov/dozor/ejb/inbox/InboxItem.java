package kz.gov.dozor.ejb.inbox;

import java.io.Serializable;
import java.time.Instant;

/** One message of the caller's inbox, in their language. */
public record InboxItem(long id, String text, String link, Instant createdAt, boolean read)
    implements Serializable {}
