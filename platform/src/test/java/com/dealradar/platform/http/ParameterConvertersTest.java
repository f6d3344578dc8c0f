package com.dealradar.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemException;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterConvertersTest {

    private static final String ID = "973a4522-3530-5077-b71c-a59a70f0ce3f";

    private final ParameterConverters converters = new ParameterConverters();

    /** Parameters as a resource method declares them: their annotations are what the provider is given. */
    @SuppressWarnings("unused")
    void resourceMethod(
            @PathParam("dealId") UUID path,
            @QueryParam("company") UUID query,
            @HeaderParam("X-Partner-Id") UUID header,
            @PathParam("idOrSlug") String text) {}

    private ParamConverter<?> converter(int parameter) throws NoSuchMethodException {
        Method method =
                getClass().getDeclaredMethod("resourceMethod", UUID.class, UUID.class, UUID.class, String.class);
        Class<?> type = method.getParameterTypes()[parameter];
        Annotation[] annotations = method.getParameterAnnotations()[parameter];
        return converters.getConverter(type, method.getGenericParameterTypes()[parameter], annotations);
    }

    @Test
    void aUuidInCanonicalFormIsConverted() throws Exception {
        assertThat(converter(0).fromString(ID)).isEqualTo(UUID.fromString(ID));
        assertThat(converter(1).fromString(" " + ID.toUpperCase() + " ")).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void aBlankValueIsAbsent() throws Exception {
        assertThat(converter(1).fromString("")).isNull();
        assertThat(converter(1).fromString("  ")).isNull();
    }

    @Test
    void anythingElseIsTheBadParameterProblemNamingTheParameter() throws Exception {
        assertBadParameter(0, "not-a-uuid", "dealId");
        // UUID.fromString alone would take it.
        assertBadParameter(1, "1-2-3-4-5", "company");
        assertBadParameter(2, ID + "0", "X-Partner-Id");
    }

    @Test
    void otherTypesAreLeftToRestEasy() throws Exception {
        assertThat(converter(3)).isNull();
    }

    @Test
    void withoutAParameterAnnotationTheProblemStillSaysWhat() {
        ParamConverter<UUID> converter = converters.getConverter(UUID.class, UUID.class, new Annotation[0]);
        assertThatThrownBy(() -> converter.fromString("x"))
                .isInstanceOf(ProblemException.class)
                .hasMessage("parameter: 'x' is not a UUID");
    }

    private void assertBadParameter(int parameter, String raw, String name) throws Exception {
        ParamConverter<?> converter = converter(parameter);
        assertThatThrownBy(() -> converter.fromString(raw)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.BAD_PARAMETER);
            assertThat(e.getMessage()).isEqualTo(name + ": '" + raw + "' is not a UUID");
            assertThat(e.errors()).containsExactly(new FieldViolation(name, "'" + raw + "' is not a UUID"));
        });
    }
}
