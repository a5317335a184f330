/**
 * Reference data administrators maintain on pages of their own: categories, legal bases and
 * recipient bodies (the agency's), deadlines per step (each organisation its own steps) and the
 * holidays working days skip; the history of every change; the pick lists the agency's forms offer;
 * and the due dates and overdue watch that follow from the deadlines.
 */
package kz.gov.dozor.ejb.reference;
