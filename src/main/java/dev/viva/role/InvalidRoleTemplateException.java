package dev.viva.role;

/** A role template that cannot be used; the message names the file and the field at fault. */
public class InvalidRoleTemplateException extends RuntimeException {

    private final String field;
    private final String problem;
    private final Integer line;

    public InvalidRoleTemplateException(String source, String field, String problem) {
        this(source, field, problem, null);
    }

    /** @param line the 1-based line of a YAML syntax error, null when the problem is in a field's value */
    public InvalidRoleTemplateException(String source, String field, String problem, Integer line) {
        super("role template " + source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem
                + (line == null ? "" : " (line " + line + ")"));
        this.field = field == null ? "" : field;
        this.problem = problem;
        this.line = line;
    }

    /** The field at fault as a path ({@code questions[2].difficulty}); empty for the document as a whole. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public Integer line() {
        return line;
    }
}
