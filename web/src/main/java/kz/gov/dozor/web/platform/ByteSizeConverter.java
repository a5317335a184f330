package kz.gov.dozor.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.util.Locale;

/** Shows a size in bytes the way people read it: 1.4 MB. */
@FacesConverter("dozor.bytes")
public class ByteSizeConverter implements Converter<Long> {

  @Override
  public Long getAsObject(FacesContext context, UIComponent component, String value) {
    // Sizes are shown, never entered; a plain number of bytes is all we read back.
    return value == null || !value.strip().matches("\\d+") ? null : Long.valueOf(value.strip());
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Long value) {
    return value == null ? "" : format(value);
  }

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
