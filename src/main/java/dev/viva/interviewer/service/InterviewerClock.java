package dev.viva.interviewer.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** The time the interviewer plans with; a bean so tests can run a 45-minute interview in seconds. */
@ApplicationScoped
public class InterviewerClock {

    public Clock clock() {
        return Clock.systemUTC();
    }
}
