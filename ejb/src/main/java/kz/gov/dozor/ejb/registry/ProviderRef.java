package kz.gov.dozor.ejb.registry;

import java.io.Serializable;

/** A provider as the API knows its caller: its code, name and Keycloak client. */
public record ProviderRef(String code, String name, String clientId) implements Serializable {}
