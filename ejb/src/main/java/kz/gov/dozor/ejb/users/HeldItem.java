package kz.gov.dozor.ejb.users;

import java.io.Serializable;

/**
 * A piece of open work a person holds, and the role whose other holders take it over when the
 * person's account is disabled.
 *
 * @param kind {@code case} or {@code notice}
 * @param id the case's or notification's id
 * @param reference how people name it (registration or outgoing number)
 * @param status its state (the name of its status)
 * @param takenOverBy the role whose holders see it and are told about it instead
 */
public record HeldItem(String kind, long id, String reference, String status, String takenOverBy)
    implements Serializable {}
