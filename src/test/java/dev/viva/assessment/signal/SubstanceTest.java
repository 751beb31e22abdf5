package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubstanceTest {

    static final String QUESTION = "How does a message queue help decouple two services?";

    @Test
    void anAnswerThatTurnsTheQuestionBackIsAnEcho() {
        Substance echo = Substance.of("A message queue helps decouple two services because the services are decoupled "
                + "by the queue.", QUESTION, Set.of());
        assertThat(echo.echoesQuestion()).isTrue();
        assertThat(echo.novel()).isLessThan(4);
    }

    @Test
    void newTermsAndReasonsAreCounted() {
        Substance deep = Substance.of("The producer only needs the broker to be up, so if the consumer is down for a "
                + "deploy the messages wait in RabbitMQ; with a dead-letter queue and idempotent handlers a retry does "
                + "no harm, which means we can scale consumers independently.", QUESTION, Set.of(Text.stem("broker")));
        assertThat(deep.echoesQuestion()).isFalse();
        assertThat(deep.domainTerms()).contains("rabbitmq", Text.stem("broker"));
        assertThat(deep.reasoning()).isGreaterThanOrEqualTo(2);
    }
}
