package dev.viva.interviewer;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands in for the assessment engine in interviewer tests only while no real {@code AnswerAssessor} bean is on the
 * classpath; {@link DefaultBean} makes it step aside as soon as one is.
 */
@DefaultBean
@ApplicationScoped
public class TestAssessor extends KeywordAssessor {
}
