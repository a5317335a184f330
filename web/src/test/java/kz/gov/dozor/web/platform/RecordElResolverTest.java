package kz.gov.dozor.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

  record Row(long id, String number) {}

  private final RecordElResolver resolver = new RecordElResolver();

  private ELContext context() {
    return new ELContext() {
      @Override
      public ELResolver getELResolver() {
        return resolver;
      }

      @Override
      public FunctionMapper getFunctionMapper() {
        return null;
      }

      @Override
      public VariableMapper getVariableMapper() {
        return null;
      }
    };
  }

  @Test
  void readsRecordComponentsAsProperties() {
    ELContext ctx = context();
    assertThat(resolver.getValue(ctx, new Row(5, "AFM-2026-000005"), "number"))
        .isEqualTo("AFM-2026-000005");
    assertThat(ctx.isPropertyResolved()).isTrue();
  }

  @Test
  void leavesOtherObjectsAndUnknownNamesToTheNextResolver() {
    ELContext ctx = context();
    assertThat(resolver.getValue(ctx, "text", "length")).isNull();
    assertThat(resolver.getValue(ctx, new Row(5, "x"), "missing")).isNull();
    assertThat(ctx.isPropertyResolved()).isFalse();
  }

  @Test
  void recordsAreReadOnly() {
    ELContext ctx = context();
    assertThatThrownBy(() -> resolver.setValue(ctx, new Row(1, "x"), "number", "y"))
        .isInstanceOf(PropertyNotWritableException.class);
  }
}
