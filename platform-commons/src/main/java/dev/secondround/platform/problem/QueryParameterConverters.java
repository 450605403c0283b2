package dev.secondround.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;

/**
 * JAX-RS answers an unparseable query parameter ({@code ?jobId=x}, {@code ?stage=FOO}) with 404, as if
 * the resource did not exist. For query parameters we answer 400 naming the parameter instead. Path
 * parameters keep the 404: {@code /v1/candidates/not-a-uuid} really names nothing.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, "a UUID", UUID::fromString);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = "one of " + Arrays.toString(enumType.getEnumConstants());
            return (ParamConverter<T>) new Converter<>(name, allowed, value -> Enum.valueOf(enumType, value));
        }
        return null;
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private record Converter<T>(String name, String expected, java.util.function.Function<String, T> parse)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(ProblemException.invalidField(name, "must be " + expected));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
