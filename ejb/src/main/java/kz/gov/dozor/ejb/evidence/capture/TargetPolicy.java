package kz.gov.dozor.ejb.evidence.capture;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which targets a capture may reach: http and https only, and never the portal's own networks
 * (loopback, private, link-local and so cloud metadata, carrier-grade NAT, unspecified, multicast,
 * IPv6 unique-local) unless an administrator's allow-list names the host or a range holding the
 * address. Every request of the page is checked (each redirect, each resource), and the address the
 * page actually came from once more after it loaded.
 */
public final class TargetPolicy {

  private final List<String> allowed;

  /** {@code allowed}: host names, addresses and CIDR ranges (e.g. {@code 127.0.0.1/32}). */
  public TargetPolicy(List<String> allowed) {
    this.allowed =
        allowed.stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .filter(a -> !a.isEmpty())
            .toList();
  }

  /**
   * Refuses a URL whose scheme is not http(s) or whose host is, or resolves to, an address the
   * portal must not reach.
   */
  public void check(URI url) throws CaptureFailedException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new CaptureFailedException(
          "only http and https addresses are captured, not " + scheme + ":");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw new CaptureFailedException("the address names no host: " + url);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (allowed.contains(host)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new CaptureFailedException("the host " + host + " does not resolve");
    }
    for (InetAddress a : addresses) {
      checkAddress(host, a);
    }
  }

  /** Refuses an address the portal must not reach, unless allowed. */
  public void checkAddress(String host, InetAddress address) throws CaptureFailedException {
    if (internal(address) && !allowedAddress(address)) {
      throw new CaptureFailedException(
          "the target "
              + host
              + " is "
              + address.getHostAddress()
              + ", an internal address the portal does not reach (loopback, private, link-local or"
              + " cloud metadata); an administrator can allow it");
    }
  }

  /** Whether a textual address (as the browser reports it) may be reached. */
  public void checkAddress(String host, String address) throws CaptureFailedException {
    if (address == null || address.isBlank()) {
      return;
    }
    try {
      String literal =
          address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
      checkAddress(host, InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new CaptureFailedException("unreadable address " + address);
    }
  }

  static boolean internal(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      // IPv4-mapped (::ffff:a.b.c.d): judged as the IPv4 address.
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7 (e.g. fd00:ec2::254, cloud metadata)
      }
    }
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this" network
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved, broadcast
    }
    return false;
  }

  private boolean allowedAddress(InetAddress a) {
    for (String entry : allowed) {
      if (matches(entry, a)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code entry} (an address or CIDR range) holds {@code a}. */
  static boolean matches(String entry, InetAddress a) {
    if (!entry.matches("[0-9a-f:.]+(/\\d{1,3})?")) {
      return false; // a host name: matched by name in check()
    }
    try {
      int slash = entry.indexOf('/');
      InetAddress base = InetAddress.getByName(slash < 0 ? entry : entry.substring(0, slash));
      byte[] x = base.getAddress();
      byte[] y = a.getAddress();
      if (x.length != y.length) {
        return false;
      }
      int bits = slash < 0 ? x.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return false; // a host name: matched by name in check()
    }
  }

  /** Whether an allow-list entry is well formed: a host name, an address or a CIDR range. */
  public static boolean validEntry(String entry) {
    String e = entry == null ? "" : entry.strip();
    if (e.isEmpty() || e.length() > 255) {
      return false;
    }
    if (e.matches("[0-9.]+(/\\d{1,2})?") || e.matches("[0-9a-fA-F:]+(/\\d{1,3})?")) {
      int slash = e.indexOf('/');
      try {
        InetAddress base = InetAddress.getByName(slash < 0 ? e : e.substring(0, slash));
        int bits = slash < 0 ? 0 : Integer.parseInt(e.substring(slash + 1));
        return bits <= base.getAddress().length * 8;
      } catch (UnknownHostException | NumberFormatException ex) {
        return false;
      }
    }
    return e.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  }
}
