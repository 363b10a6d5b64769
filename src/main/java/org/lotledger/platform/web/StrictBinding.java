package org.lotledger.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables and query parameters as strictly as JSON bodies (ADR 0009): whole numbers are ASCII digits with an
 * optional minus ({@code %201}, {@code +1}, {@code 1%20} and full-width digits are not 1), dates and instants are
 * ISO-8601 in the years 1900 to 2999. Custom editors, because Spring falls back to its lenient number editor when a
 * converter refuses.
 */
@ControllerAdvice(basePackages = "org.lotledger")
public class StrictBinding {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    @InitBinder
    void strict(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, editor(s -> Long.valueOf(digits(s)), false));
        binder.registerCustomEditor(Long.class, editor(s -> Long.valueOf(digits(s)), true));
        binder.registerCustomEditor(int.class, editor(s -> Integer.valueOf(digits(s)), false));
        binder.registerCustomEditor(Integer.class, editor(s -> Integer.valueOf(digits(s)), true));
        binder.registerCustomEditor(Instant.class, editor(s -> inWindow(Instant.parse(s)), true));
        binder.registerCustomEditor(LocalDate.class, editor(s -> inWindow(LocalDate.parse(s)), true));
    }

    private static String digits(String s) {
        if (!INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a whole number: digits only");
        }
        return s;
    }

    private static Instant inWindow(Instant i) {
        if (StrictWebConfiguration.outsideWindow(i)) {
            throw new IllegalArgumentException("instant outside the years " + StrictWebConfiguration.FIRST_YEAR + "-"
                    + StrictWebConfiguration.LAST_YEAR);
        }
        return i;
    }

    private static LocalDate inWindow(LocalDate d) {
        if (d.getYear() < StrictWebConfiguration.FIRST_YEAR || d.getYear() > StrictWebConfiguration.LAST_YEAR) {
            throw new IllegalArgumentException("date outside the years " + StrictWebConfiguration.FIRST_YEAR + "-"
                    + StrictWebConfiguration.LAST_YEAR);
        }
        return d;
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse, boolean nullable) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isEmpty()) {
                    if (!nullable) {
                        throw new IllegalArgumentException("a value is required");
                    }
                    setValue(null);
                    return;
                }
                try {
                    setValue(parse.apply(text));
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException("malformed value", e);
                }
            }
        };
    }
}
