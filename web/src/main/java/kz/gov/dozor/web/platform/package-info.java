/** What every page stands on: messages, converters, error handling, security headers. */
package kz.gov.dozor.web.platform;
