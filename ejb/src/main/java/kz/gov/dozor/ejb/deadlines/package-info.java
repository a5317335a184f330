/** Deadlines: due dates per step from reference data, working days, and the overdue timer. */
package kz.gov.dozor.ejb.deadlines;
