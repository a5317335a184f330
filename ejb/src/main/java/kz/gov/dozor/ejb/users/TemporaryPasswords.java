package kz.gov.dozor.ejb.users;

import java.security.SecureRandom;

/**
 * Temporary passwords for new and reset accounts: random, long enough for the realm's policy, and
 * easy to pass on (no look-alike characters, in groups of four). The user replaces it at the first
 * sign-in.
 */
final class TemporaryPasswords {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  static final int GROUPS = 4;
  static final int GROUP_LENGTH = 4;

  private TemporaryPasswords() {}

  /** e.g. {@code Hq7m-Pz3r-TkWa-9bXe}: about 92 bits of randomness. */
  static String generate(SecureRandom random) {
    while (true) {
      StringBuilder out = new StringBuilder();
      for (int g = 0; g < GROUPS; g++) {
        if (g > 0) {
          out.append('-');
        }
        for (int i = 0; i < GROUP_LENGTH; i++) {
          out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      String password = out.toString();
      // Upper and lower case and a digit, whatever a stricter policy may later ask.
      if (password.chars().anyMatch(Character::isUpperCase)
          && password.chars().anyMatch(Character::isLowerCase)
          && password.chars().anyMatch(Character::isDigit)) {
        return password;
      }
    }
  }
}
