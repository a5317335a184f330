/** Registry: the restricted resources for internet providers, and lifting a restriction. */
package kz.gov.dozor.ejb.registry;
