/**
 * Detached CMS signatures made with an organisation's key: one small interface ({@link
 * kz.gov.dozor.ejb.platform.signing.DetachedSigner}) so that a national PKI provider can replace
 * the PKCS#12 file used today.
 */
package kz.gov.dozor.ejb.platform.signing;
