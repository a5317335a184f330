package kz.gov.dozor.ejb.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of an inbox message as they are stored: a JSON array of strings. Only what this
 * needs: strings in, strings out.
 */
final class MessageParameters {

  private MessageParameters() {}

  static String encode(List<String> parameters) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String p = parameters.get(i) == null ? "" : parameters.get(i);
      out.append('"');
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }

  /** The strings of a stored array; anything unreadable gives no parameters. */
  static List<String> decode(String json) {
    List<String> out = new ArrayList<>();
    if (json == null) {
      return out;
    }
    int i = json.indexOf('[');
    if (i < 0) {
      return out;
    }
    i++;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < json.length() && json.charAt(i) != '"') {
          char d = json.charAt(i);
          if (d == '\\' && i + 1 < json.length()) {
            char e = json.charAt(++i);
            switch (e) {
              case 'u' -> {
                if (i + 4 >= json.length()) {
                  return List.of();
                }
                s.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                i += 4;
              }
              case 'n' -> s.append('\n');
              case 't' -> s.append('\t');
              case 'r' -> s.append('\r');
              case 'b' -> s.append('\b');
              case 'f' -> s.append('\f');
              default -> s.append(e);
            }
          } else {
            s.append(d);
          }
          i++;
        }
        out.add(s.toString());
      } else if (c == ']') {
        break;
      }
      i++;
    }
    return out;
  }
}
