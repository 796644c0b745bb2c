package com.digestapi.activity;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Inserts the success record at the end of a {@link Recorded} method, inside its transaction. */
@Recorded
@Interceptor
// Inside @Transactional's interceptor (PLATFORM_BEFORE + 200), outside @ContentWrite's (+ 300): the record commits or
// rolls back with the write.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class RecordedInterceptor {

    private static final String RECORDING = RecordedInterceptor.class.getName() + ".recording";

    private final ActivityLog log;
    private final TransactionSynchronizationRegistry transactions;

    RecordedInterceptor(ActivityLog log, TransactionSynchronizationRegistry transactions) {
        this.log = log;
        this.transactions = transactions;
    }

    @AroundInvoke
    Object recordSuccess(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE || transactions.getResource(RECORDING) != null) {
            return invocation.proceed();
        }
        transactions.putResource(RECORDING, Boolean.TRUE);
        Object result = invocation.proceed();
        log.succeeded(result);
        return result;
    }
}
