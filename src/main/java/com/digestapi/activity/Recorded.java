package com.digestapi.activity;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a transactional service method that a writing resource method calls: when it returns, its transaction
 * (still open) also inserts the request's activity record, with outcome success; so a write that rolls back leaves no
 * success behind. Of nested recorded methods, the outermost records (once per transaction).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Recorded {
}
