package com.digestapi.caching;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Increments the content version at the end of a {@link ContentWrite} method, inside its transaction. */
@ContentWrite
@Interceptor
// Inside @Transactional's interceptor (PLATFORM_BEFORE + 200), so the increment commits or rolls back with the write.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class ContentWriteInterceptor {

    private final ContentVersion version;

    ContentWriteInterceptor(ContentVersion version) {
        this.version = version;
    }

    @AroundInvoke
    Object incrementAfterWrite(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        version.incrementInCurrentTransaction();
        return result;
    }
}
