/**
 * The administrators' reference pages (categories, legal bases, recipient bodies, deadlines and
 * holidays, with the history of every change) and the legal-basis pick list the agency's forms use.
 */
package kz.gov.dozor.web.reference;
