package com.digestapi.activity;

import com.digestapi.problem.Problem;
import com.digestapi.web.RequestIds;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The HTTP side of the activity log: names the write a request makes (from its resource method's {@link Audited}) for
 * the success record its service inserts, and records the failures of writes whose client was authenticated. A 401
 * (no or wrong credentials) has no actor and is not recorded; nor is a 429, so that a client past its quota cannot
 * make the service write a row per refused request, nor a 503, which says the service is overloaded: a row written
 * then would wait for the connection the write could not get.
 */
public class ActivityRecording {

    private static final Logger LOG = Logger.getLogger(ActivityRecording.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ActivityContext context;
    private final ActivityLog log;
    private final CurrentIdentityAssociation identities;

    ActivityRecording(ActivityContext context, ActivityLog log, CurrentIdentityAssociation identities) {
        this.context = context;
        this.log = log;
        this.identities = identities;
    }

    /** Names the write for the record its service will insert; after sign-in, before the resource method. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void nameTheWrite(ContainerRequestContext request, ResourceInfo resource) {
        Audited audited = audited(request, resource);
        if (audited != null) {
            context.begin(request.getHeaderString(RequestIds.HEADER), audited.action(), audited.target(),
                    targetId(request, audited), audited.created().isEmpty() ? null : audited.created());
        }
    }

    /** An authenticated write that failed: recorded with its status and problem type, in a transaction of its own. */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public Uni<Void> recordFailure(ContainerRequestContext request, ContainerResponseContext response,
                                   ResourceInfo resource) {
        int status = response.getStatus();
        Audited audited = status < 400 || status == 429 || status == 503 ? null : audited(request, resource);
        if (audited == null || request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        String requestId = request.getHeaderString(RequestIds.HEADER);
        String targetId = targetId(request, audited);
        String outcome = outcome(status, response.getEntity());
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .onItem().transformToUni(identity -> {
                    String actor = actor(identity);
                    if (actor == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().item(() -> {
                                log.failed(actor, audited.action(), audited.target(), targetId, requestId, outcome);
                                return (Void) null;
                            })
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .onFailure().recoverWithItem(e -> {
                                LOG.warnf("Activity: the failure of %s could not be recorded: %s", requestId,
                                        e.getMessage());
                                return null;
                            });
                });
    }

    private static Audited audited(ContainerRequestContext request, ResourceInfo resource) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(Audited.class);
    }

    /** The target's id from the path; none for a create (its id comes from what the service returns). */
    private static String targetId(ContainerRequestContext request, Audited audited) {
        return audited.created().isEmpty() ? request.getUriInfo().getPathParameters().getFirst(audited.id()) : null;
    }

    private static String actor(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** "412 precondition-failed": the status and the slug of the problem type, when the answer is a problem. */
    static String outcome(int status, Object entity) {
        if (entity instanceof Problem problem && problem.type() != null) {
            String type = problem.type();
            return status + " " + type.substring(type.lastIndexOf('/') + 1);
        }
        return String.valueOf(status);
    }
}
