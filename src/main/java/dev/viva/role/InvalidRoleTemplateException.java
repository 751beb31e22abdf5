package dev.viva.role;

/** A role template that cannot be used; the message names the file and the field at fault. */
public class InvalidRoleTemplateException extends RuntimeException {

    public InvalidRoleTemplateException(String source, String field, String problem) {
        super("role template " + source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    }
}
