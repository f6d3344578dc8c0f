package com.dealradar.platform.http;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * Path, query and header parameters typed {@link UUID} in every service: {@code @PathParam("id") UUID id}. A value
 * that is not a UUID in canonical form is the 400 problem naming the parameter ({@code id: 'x' is not a UUID}), a
 * blank one (an empty optional query parameter, {@code ?company=}) is null, as if absent.
 * <p>
 * The problem thrown here reaches the client as such: RESTEasy wraps a converter's exception into a 404 (path, query)
 * or a 400 (header), and {@code ProblemMappers} answers with the wrapped problem instead.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new UuidConverter(name(annotations));
        }
        return null;
    }

    /** The parameter's name from its JAX-RS annotation, for the problem's detail and field. */
    static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            String name = switch (annotation) {
                case PathParam p -> p.value();
                case QueryParam q -> q.value();
                case HeaderParam h -> h.value();
                case CookieParam c -> c.value();
                case FormParam f -> f.value();
                case MatrixParam m -> m.value();
                default -> null;
            };
            if (name != null) {
                return name;
            }
        }
        return "parameter";
    }

    private record UuidConverter(String name) implements ParamConverter<UUID> {

        @Override
        public UUID fromString(String value) {
            return QueryParams.uuid(name, value);
        }

        @Override
        public String toString(UUID value) {
            return value == null ? null : value.toString();
        }
    }
}
