package com.digestapi.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value that parsed but breaks a rule of the service's own; its message is what the field must be. */
public class InvalidJsonValue extends JsonMappingException {

    public InvalidJsonValue(JsonParser parser, String expectation) {
        super(parser, expectation);
    }
}
