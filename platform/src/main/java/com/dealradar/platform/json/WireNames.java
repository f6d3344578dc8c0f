package com.dealradar.platform.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How enum constants are written in JSON (their {@code @JsonProperty} name, else their name). */
public final class WireNames {

    private WireNames() {}

    public static String of(Enum<?> constant) {
        try {
            JsonProperty renamed =
                    constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? constant.name() : renamed.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
