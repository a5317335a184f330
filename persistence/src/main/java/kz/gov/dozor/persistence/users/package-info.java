/** Users as last seen at sign-in: organisation, name, e-mail and chosen language. */
package kz.gov.dozor.persistence.users;
