package org.lotledger.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Strict input at the door (ADR 0009). JSON: no unknown properties, no duplicate keys, nothing after the value,
 * no numbers for enum constants, no strings or floats coerced into numbers, no nulls for primitives, no control
 * characters in strings, text only from JSON strings, enum constants by their exact name, dates only as ISO strings
 * in the years 1900 to 2999; quantities are written as plain numbers ({@code 60}, never {@code 6E+1}). Path
 * variables and query parameters: {@link StrictBinding}.
 */
@Configuration(proxyBeanMethods = false)
public class StrictWebConfiguration implements WebMvcConfigurer {

    static {
        // resolved from the Idempotency-Key header and the caller; the OpenAPI document declares the header itself
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotencyKey.class);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return b -> b.featuresToEnable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .deserializerByType(String.class, new NoControlCharacters())
                .deserializerByType(
                        Instant.class,
                        new BoundedDate<>(
                                Instant.class,
                                InstantDeserializer.INSTANT,
                                i -> outsideWindow(i) ? LAST_YEAR + 1 : FIRST_YEAR))
                .deserializerByType(
                        LocalDate.class,
                        new BoundedDate<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear))
                .serializerByType(BigDecimal.class, new PlainNumber())
                .modulesToInstall(new com.fasterxml.jackson.databind.module.SimpleModule("lotledger-strict-enums")
                        .setDeserializerModifier(new ExactEnumNames()))
                .postConfigurer(StrictWebConfiguration::noBlankForScalars);
    }

    /**
     * Jackson reads an empty or blank string ({@code ""}, {@code " "}, a lone control character) as null for a number, a
     * boolean, an enum or a date even with scalar coercion off: an optional field sent so would be taken as absent.
     * Refused instead, as any other string for such a field.
     */
    static void noBlankForScalars(ObjectMapper m) {
        for (com.fasterxml.jackson.databind.type.LogicalType t : List.of(
                com.fasterxml.jackson.databind.type.LogicalType.Integer,
                com.fasterxml.jackson.databind.type.LogicalType.Float,
                com.fasterxml.jackson.databind.type.LogicalType.Boolean,
                com.fasterxml.jackson.databind.type.LogicalType.Enum,
                com.fasterxml.jackson.databind.type.LogicalType.DateTime)) {
            m.coercionConfigFor(t)
                    .setAcceptBlankAsEmpty(false)
                    .setCoercion(
                            com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
    }

    @Bean
    FilterRegistrationBean<ApiEdgeFilter> apiEdgeFilter(
            ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${lotledger.web.max-body-bytes:1048576}") int max) {
        FilterRegistrationBean<ApiEdgeFilter> r = new FilterRegistrationBean<>(new ApiEdgeFilter(json, max));
        r.addUrlPatterns("/api", "/api/*");
        // after Spring Security's chain: 401 and 403 come first
        r.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return r;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == IdempotencyKey.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mav,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return IdempotentWrites.keyOf(request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class));
            }
        });
    }

    /** The years a date in a request may have (ADR 0009): enough for any lot, far from PostgreSQL's limits. */
    public static final int FIRST_YEAR = 1900;

    public static final int LAST_YEAR = 2999;
    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Instant FIRST_INSTANT =
            LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minusNanos(1);

    static boolean outsideWindow(Instant i) {
        return i.isBefore(FIRST_INSTANT) || i.isAfter(LAST_INSTANT);
    }

    /** A date as JSR-310 reads it, refused outside {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
    @SuppressWarnings("unchecked")
    static final class BoundedDate<T> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends T> inner;
        private final ToIntFunction<T> year;

        BoundedDate(Class<T> type, JsonDeserializer<? extends T> inner, ToIntFunction<T> year) {
            super(type);
            this.inner = inner;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            if (handledType() == LocalDate.class
                    && !ISO_DATE.matcher(p.getText()).matches()) {
                // a date is yyyy-MM-dd: Jackson would take "2026-02-28T00:00:00Z" and drop the time
                throw InvalidFormatException.from(p, "a date is yyyy-MM-dd", p.getText(), handledType());
            }
            T value = inner.deserialize(p, ctxt);
            if (value != null) {
                int y = year.applyAsInt(value);
                if (y < FIRST_YEAR || y > LAST_YEAR) {
                    throw InvalidFormatException.from(
                            p, "date outside " + FIRST_YEAR + "-" + LAST_YEAR, p.getText(), handledType());
                }
            }
            return value;
        }
    }

    /** Quantities and amounts as plain numbers without trailing zeros: {@code 60}, {@code 2.5}, never {@code 6E+1}. */
    static final class PlainNumber extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(
                    value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * Enum constants by their exact name: Jackson would trim {@code " FEFO"} and accept it, and take numbers; a strict
     * client contract names the constant as the document lists it.
     */
    static final class ExactEnumNames extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription beanDesc,
                JsonDeserializer<?> deserializer) {
            Class<?> raw = type.getRawClass();
            return new StdDeserializer<Object>(raw) {
                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    if (!p.hasToken(JsonToken.VALUE_STRING)) {
                        return ctxt.handleUnexpectedToken(raw, p);
                    }
                    String text = p.getText();
                    for (Object constant : raw.getEnumConstants()) {
                        if (((Enum<?>) constant).name().equals(text)) {
                            return constant;
                        }
                    }
                    throw InvalidFormatException.from(p, "not one of the constants", text, raw);
                }
            };
        }
    }

    /** Strings as sent, but refused when they carry a control character (see {@link TextRules}). */
    static final class NoControlCharacters extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                // a number or a boolean is not text: "poNumber": 12 is refused, not stored as "12"
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = super.deserialize(p, ctxt);
            if (s != null && TextRules.hasControlCharacter(s)) {
                throw InvalidFormatException.from(p, "control character in text", s, String.class);
            }
            return s;
        }
    }
}
