package dev.viva.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Applies {@link TextRules}' control-character rule to every JSON string the application's ObjectMapper reads: REST
 * bodies and candidate socket messages. A refused string is a mapping error naming its field, which
 * {@link ProblemMapper} answers as a 400 and the socket as an {@code error}.
 */
@Singleton
public class JsonTextScreen implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("viva-text-screen").addDeserializer(String.class, new Screened()));
    }

    /** The refusal of one string: its message is the detail, without the offending value. */
    public static final class ControlCharacterRefused extends IllegalArgumentException {
        ControlCharacterRefused(String message) {
            super(message);
        }
    }

    static final class Screened extends StdScalarDeserializer<String> {

        Screened() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            var problem = TextRules.controlCharacterProblem(value);
            if (problem.isPresent()) {
                throw JsonMappingException.from(p, problem.get(), new ControlCharacterRefused(problem.get()));
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
