/** Reference data shared by features: names in the portal's three languages. */
package kz.gov.dozor.persistence.reference;
