package dev.viva.platform.security;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link RecruiterOnly} POST, PUT, PATCH or DELETE that a viewer may call too: one that changes nothing of
 * the team's (a live-view ticket) or only the caller's own account (password, personal keys, sign-out). Every other
 * unsafe method of a recruiter endpoint is refused to viewers by {@link RecruiterAuthFilter}, so a new endpoint is
 * closed to them unless it says otherwise here.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ViewerAllowed {
}
