package cn.onething.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A form's answers (code → value, in order) as the JSON text a case or a draft keeps. */
@Component
class FormJson {

    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    FormJson(ObjectMapper json) {
        this.json = json;
    }

    String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> read(String values) {
        try {
            return json.readValue(values, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
