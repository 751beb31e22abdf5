package dev.viva.role;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the lower-case ids templates and the API use for enums, with an error that lists what is accepted. */
final class EnumIds {

    private EnumIds() {
    }

    static <E extends Enum<E>> E parse(E[] values, Function<E, String> id, String what, String value) {
        if (value != null) {
            String wanted = value.trim().replace('_', '-');
            for (E candidate : values) {
                if (id.apply(candidate).equalsIgnoreCase(wanted)) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "' (expected "
                + Arrays.stream(values).map(id).collect(Collectors.joining(", ")) + ")");
    }
}
