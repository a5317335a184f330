/** Registry: the restricted resources, with the decision behind each, for internet providers. */
package kz.gov.dozor.persistence.registry;
