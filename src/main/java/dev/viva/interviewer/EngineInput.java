package dev.viva.interviewer;

/**
 * What can happen to the interviewer. Free text is classified by {@link IntentClassifier}; the explicit requests exist
 * for clients with buttons (text mode) or a voice front end that detected the request itself.
 */
public sealed interface EngineInput {

    /** The candidate joined: greet them and ask the first question. */
    record Start() implements EngineInput {
    }

    /** A final answer (typed or transcribed). May be blank or a request such as "could you repeat that?". */
    record Answer(String text) implements EngineInput {
        public Answer {
            text = text == null ? "" : text;
        }
    }

    /** The candidate said nothing within the answer timeout. Treated like an answer we did not catch. */
    record Silence() implements EngineInput {
    }

    record RepeatRequest() implements EngineInput {
    }

    record ClarifyRequest() implements EngineInput {
    }

    /** The candidate pressed "I don't know" or "skip". */
    record DontKnow() implements EngineInput {
    }

    /** The candidate ends the interview now (the button, the socket's {@code end} message, the REST call). */
    record End() implements EngineInput {
    }
}
