package com.dealradar.platform.provenance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of source fields in one column, comma-separated in declaration order; null when empty. */
@Converter
public class SourceFieldsColumn implements AttributeConverter<Set<SourceField>, String> {

    @Override
    public String convertToDatabaseColumn(Set<SourceField> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(fields).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<SourceField> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        return Arrays.stream(column.split(","))
                .map(String::strip)
                .map(SourceField::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SourceField.class)));
    }
}
