/** The registry page: restricted resources with their decisions, for both organisations. */
package kz.gov.dozor.web.registry;
