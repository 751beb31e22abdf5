package dev.viva.interviewer.service;

import dev.viva.interviewer.MutableClock;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/** Lets @QuarkusTests run a whole interview's worth of time in seconds. Starts at the real time. */
@Mock
@ApplicationScoped
public class TestInterviewerClock extends InterviewerClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Override
    public Clock clock() {
        return CLOCK;
    }
}
