package com.digestapi.activity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names what a writing resource method does, for the activity log: the action ({@code article.update}), the type of
 * resource it acts on, and where its id comes from: the path parameter {@link #id()}, or for a create the accessor
 * {@link #created()} of what the service returns. Every POST, PUT, PATCH and DELETE method carries one
 * (ArchitectureTest).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** {@code <targetType>.<verb>}, e.g. {@code article.create}, {@code token.revoke}. */
    String action();

    /** The type of resource acted on: article, issue, outlet, topic, account, token, webhook. */
    String target();

    /** The path parameter that holds the target's id. */
    String id() default "id";

    /** For a create: the accessor (or dotted path of accessors) of the service's result that holds the new id. */
    String created() default "";
}
