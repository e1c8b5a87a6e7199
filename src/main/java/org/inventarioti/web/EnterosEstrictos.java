package org.inventarioti.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path ids, integer request parameters and integer form fields are ASCII digits with an optional
 * minus: {@code +1}, {@code 0x10}, {@code 1_000}, {@code " 1"} or digits of other scripts are a 400,
 * never read as a number. The refusal does not quote the value.
 */
@ControllerAdvice
class EnterosEstrictos {

    static final String FORMA = "-?[0-9]{1,19}";

    @InitBinder
    void enteros(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Editor(false, true));
        binder.registerCustomEditor(Long.class, new Editor(false, false));
        binder.registerCustomEditor(int.class, new Editor(true, true));
        binder.registerCustomEditor(Integer.class, new Editor(true, false));
    }

    private static final class Editor extends PropertyEditorSupport {
        private final boolean entero;
        private final boolean primitivo;

        Editor(boolean entero, boolean primitivo) {
            this.entero = entero;
            this.primitivo = primitivo;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                if (primitivo) {
                    throw new IllegalArgumentException("not a plain integer");
                }
                setValue(null);
                return;
            }
            if (!text.matches(FORMA)) {
                throw new IllegalArgumentException("not a plain integer");
            }
            try {
                long value = Long.parseLong(text);
                setValue(entero ? (Object) Math.toIntExact(value) : (Object) value);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("not a plain integer");
            }
        }
    }
}
