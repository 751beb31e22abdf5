package dev.viva.platform.error;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders where in a JSON or YAML document a mapping error happened, as a client would name it: {@code a.b[2].c}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
