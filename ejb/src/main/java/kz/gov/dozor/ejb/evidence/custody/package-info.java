/**
 * Chain of custody and fixity: who added each evidence file and how, every later access with who,
 * when and why, and checks that each kept file still has its SHA-256.
 */
package kz.gov.dozor.ejb.evidence.custody;
