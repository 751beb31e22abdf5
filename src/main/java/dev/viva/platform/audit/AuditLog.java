package dev.viva.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log: who changed what, when and why. An entry joins the caller's transaction, so a write and its entry
 * are kept or rolled back together.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final ObjectMapper json;

    AuditLog(EntityManager em, CurrentActor currentActor, ObjectMapper json) {
        this.em = em;
        this.currentActor = currentActor;
        this.json = json;
    }

    /** Records an action of the caller of the current request. */
    @Transactional
    public void record(String action, String targetType, String targetId, String reason, Map<String, Object> details) {
        record(currentActor.get(), action, targetType, targetId, reason, details);
    }

    /** Records an action of a given actor, for work done outside a request (jobs, candidates). */
    @Transactional
    public void record(Actor actor, String action, String targetType, String targetId, String reason,
                       Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.at = Instant.now();
        event.actorKind = actor.kind();
        event.actorId = actor.id();
        event.actorName = actor.name();
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.reason = reason;
        try {
            event.details = json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values: " + e.getMessage(), e);
        }
        em.persist(event);
    }

    /** The details of an entry as a JSON object. */
    public Map<String, Object> details(AuditEvent event) {
        try {
            return json.readValue(event.details, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry " + event.id + " holds invalid JSON details", e);
        }
    }

    /** Entries matching every given filter (null: any), newest first, older than {@code before} when given. */
    @Transactional
    public List<AuditEvent> find(Filter filter, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        add(where, params, "targetType", filter.targetType());
        add(where, params, "targetId", filter.targetId());
        add(where, params, "actorId", filter.actorId());
        add(where, params, "action", filter.action());
        if (filter.before() != null) {
            where.add("e.at < :before");
            params.put("before", filter.before());
        }
        String jpql = "select e from AuditEvent e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.at desc, e.id desc";
        TypedQuery<AuditEvent> query = em.createQuery(jpql, AuditEvent.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null) {
            where.add("e." + field + " = :" + field);
            params.put(field, value);
        }
    }

    /** What to list; null fields match anything. */
    public record Filter(String targetType, String targetId, String actorId, String action, Instant before) {
    }
}
