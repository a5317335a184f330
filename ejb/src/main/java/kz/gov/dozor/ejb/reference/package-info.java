/** Reference data administrators maintain: deadlines per step and the holidays they skip. */
package kz.gov.dozor.ejb.reference;
