package dev.viva.platform.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A notification from another replica, fired as a synchronous CDI event on the listening thread in the order the
 * database delivered it (commit order). Observers pick their {@code topic}, decode {@code body} and return quickly.
 */
public record ClusterMessage(String topic, String origin, JsonNode body) {
}
