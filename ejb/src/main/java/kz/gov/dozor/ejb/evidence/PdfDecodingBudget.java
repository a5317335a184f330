package kz.gov.dozor.ejb.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A cap on how many bytes PDFBox may decode while one thread checks a PDF.
 *
 * <p>PDFBox decodes a stream (an object stream, say) completely into memory and has no limit of its
 * own, so a 1 MB file whose stream inflates to a gigabyte exhausts the heap. Every filter PDFBox
 * knows is wrapped once so that, while a budget is open on the current thread, its output is
 * counted and decoding stops with an {@link IOException} when the budget is spent. Threads without
 * a budget (reports written with PDFBox, for example) decode as before.
 */
final class PdfDecodingBudget implements AutoCloseable {

  private static final ThreadLocal<PdfDecodingBudget> CURRENT = new ThreadLocal<>();

  static {
    installCappedFilters();
  }

  private long remaining;
  private boolean exceeded;

  private PdfDecodingBudget(long maxBytes) {
    this.remaining = maxBytes;
  }

  /** Opens a budget of {@code maxBytes} decoded bytes for the current thread, until closed. */
  static PdfDecodingBudget open(long maxBytes) {
    PdfDecodingBudget budget = new PdfDecodingBudget(maxBytes);
    CURRENT.set(budget);
    return budget;
  }

  /**
   * Whether some decoding was stopped for lack of budget. PDFBox parses leniently and may carry on
   * after the stop, so ask this whatever the outcome.
   */
  boolean exceeded() {
    return exceeded;
  }

  @Override
  public void close() {
    CURRENT.remove();
  }

  private void spend(long bytes) throws IOException {
    remaining -= bytes;
    if (remaining < 0) {
      exceeded = true;
      throw new IOException("decoded PDF data exceeds the limit");
    }
  }

  /** Wraps every filter in PDFBox's registry, which all streams take their decoders from. */
  private static void installCappedFilters() {
    try {
      Field field = FilterFactory.class.getDeclaredField("filters");
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
      // replaceAll only swaps values: concurrent readers see the old or the new filter.
      filters.replaceAll((name, f) -> f instanceof CappedFilter ? f : new CappedFilter(f));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot limit PDF decoding; PDFBox changed", e);
    }
  }

  private static OutputStream limit(OutputStream decoded) {
    PdfDecodingBudget budget = CURRENT.get();
    return budget == null ? decoded : new CountingStream(decoded, budget);
  }

  private static final class CappedFilter extends Filter {
    private final Filter delegate;

    CappedFilter(Filter delegate) {
      this.delegate = delegate;
    }

    @Override
    public DecodeResult decode(
        InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
        throws IOException {
      return delegate.decode(encoded, limit(decoded), parameters, index);
    }

    @Override
    public DecodeResult decode(
        InputStream encoded,
        OutputStream decoded,
        COSDictionary parameters,
        int index,
        DecodeOptions options)
        throws IOException {
      return delegate.decode(encoded, limit(decoded), parameters, index, options);
    }

    @Override
    protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters)
        throws IOException {
      delegate.encode(input, encoded, parameters, 0);
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    private final PdfDecodingBudget budget;

    CountingStream(OutputStream out, PdfDecodingBudget budget) {
      super(out);
      this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
      budget.spend(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      budget.spend(len);
      out.write(b, off, len);
    }
  }
}
