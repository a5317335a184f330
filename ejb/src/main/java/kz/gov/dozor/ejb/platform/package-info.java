/** What every feature stands on: configuration, clock, schema migration, typed errors. */
package kz.gov.dozor.ejb.platform;
