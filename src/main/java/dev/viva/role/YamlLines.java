package dev.viva.role;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML document starts, by the path the parser and linter name it with
 * ({@code questions[3].probes}), so an editor can show a message next to the offending line.
 */
public final class YamlLines {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The lines of a document; a document that does not read as YAML has none (its syntax error has its own). */
    public static YamlLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        // each open container: its path and, for a list, the index of its next element
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        String field = null;
        try (JsonParser p = FACTORY.createParser(yaml)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    lines.putIfAbsent(child(paths.peek(), field), line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    paths.pop();
                    indexes.pop();
                    continue;
                }
                String path = valuePath(paths, indexes, field);
                lines.putIfAbsent(path, line);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    paths.push(path);
                    indexes.push(new int[]{token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException e) {
            // keep what was read before the syntax error
        }
        return new YamlLines(lines);
    }

    private static String valuePath(Deque<String> paths, Deque<int[]> indexes, String field) {
        if (paths.isEmpty()) {
            return "";
        }
        int[] index = indexes.peek();
        return index[0] >= 0 ? paths.peek() + "[" + index[0]++ + "]" : child(paths.peek(), field);
    }

    private static String child(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    /** The line of a path, or of its nearest enclosing field that has one; null when none is known. */
    public Integer line(String path) {
        for (String p = path; p != null && !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
