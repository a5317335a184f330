/** The signed-in user: sign-in recording, sign-out, language choice, who is looking. */
package kz.gov.dozor.web.session;
