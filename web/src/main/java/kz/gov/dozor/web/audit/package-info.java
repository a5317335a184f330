/** The audit log as administrators read it: filtered entries and the chain's check. */
package kz.gov.dozor.web.audit;
