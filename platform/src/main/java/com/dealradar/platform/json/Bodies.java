package com.dealradar.platform.json;

import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Bean validation of a request body where {@code @Valid} on the parameter cannot be used: a body that is built (a
 * merge patch applied to the current resource), or one that must be checked only after the caller is (who first,
 * then what: a stranger learns nothing from a 400). Violations answer exactly as {@code @Valid} would (a 400
 * problem naming each field).
 */
@ApplicationScoped
public class Bodies {

    private final Validator validator;

    Bodies(Validator validator) {
        this.validator = validator;
    }

    /** {@code body}, if it is present and valid; otherwise a 400 problem naming what is wrong. */
    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a request body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
