package dev.viva.web;

import dev.viva.stt.ScriptedSpeechProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * Spoken answers from the browser: the fake microphone's speech goes through the page's AudioWorklet, the socket,
 * the server's VAD and turn-taking to the deterministic speech-to-text double (no Whisper weights exist here),
 * which hears the scripted texts; the interviewer answers in FreeTTS audio that the page plays, and speech over it
 * is a barge-in. A recruiter watches the spoken answers arrive in the live view.
 */
@QuarkusTest
@TestProfile(ScriptedSpeechProfile.class)
class VoiceBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScriptedSpeechProfile.Recognizer recognizer;

    @BeforeEach
    void requireTools() throws Exception {
        NodeScripts.requireTools();
    }

    @Test
    void candidateAnswersBySpeaking() {
        recognizer.scripted().transcripts(
                "I have five years of backend experience with Python services and PostgreSQL",
                "A process has its own address space while threads of one process share memory",
                "I would read the query plan and add an index on the filtered columns",
                "I would generate short keys from a sequence and cache hot redirects");
        NodeScripts.run("voice.mjs", base);
    }
}
