/** Evidence files served to those allowed to see them: as downloads, with their type fixed. */
package kz.gov.dozor.web.evidence;
