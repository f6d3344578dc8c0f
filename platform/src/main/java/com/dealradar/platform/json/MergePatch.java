package com.dealradar.platform.json;

import com.dealradar.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 7396 JSON Merge Patch: applies a patch to the writable form of a resource and returns the result
 * as the same input type, validated like a PUT body (strict JSON rules included).
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Bodies bodies;

    MergePatch(ObjectMapper mapper, Bodies bodies) {
        this.mapper = mapper;
        this.bodies = bodies;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "a merge patch must be a JSON object");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new PatchedBodyException(e);
        }
        return bodies.valid(result);
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Carries the Jackson error of a patched body so that the problem mapper reports it like a bad PUT body. */
    public static final class PatchedBodyException extends RuntimeException {
        public PatchedBodyException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }

        public JsonProcessingException jsonError() {
            return (JsonProcessingException) getCause();
        }
    }
}
