package com.digestapi.webhook;

import com.digestapi.activity.Audited;
import com.digestapi.caching.Precondition;
import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.Created;
import com.digestapi.web.Ids;
import com.digestapi.web.MergePatch;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of webhooks: editors subscribe URLs to events, watch their deliveries and send test events. */
@Path(ApiPaths.V1 + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "Webhooks", description = "Push instead of poll: every change readers can see (articles and issues"
        + " published, updated, unpublished, withdrawn, deleted; outlets and topics created, updated, deleted) is POSTed"
        + " to the URLs that subscribed to its type, signed per the Standard Webhooks specification (the"
        + " WebhookEvent schema describes the body and headers). At least once, in commit order per subscription,"
        + " retried with exponential backoff for 24 h; a subscription that keeps failing is disabled.")
public class WebhookResource {

    static final String CREATE_EXAMPLE = """
            {"url": "https://partner.example/hooks/digest", "events": ["article.published", "article.updated", \
            "article.unpublished", "article.withdrawn", "article.deleted"]}""";
    static final String PATCH_EXAMPLE = """
            {"active": true}""";

    private final Webhooks webhooks;
    private final MergePatch mergePatch;

    WebhookResource(Webhooks webhooks, MergePatch mergePatch) {
        this.webhooks = webhooks;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "Oldest first, at most " + Webhooks.MAX_SUBSCRIPTIONS + "; never the secrets.")
    @APIResponse(responseCode = "200", description = "Every subscription.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class,
                    maxItems = Webhooks.MAX_SUBSCRIPTIONS)))
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
            description = "The answer is the only place the signing secret appears: store it now. The URL must be"
                    + " https and resolve to public addresses (see WebhookInput). At most " + Webhooks.MAX_SUBSCRIPTIONS
                    + " subscriptions. Each event is then POSTed to the URL as a WebhookEvent (that schema describes"
                    + " the body and the signature headers); any 2xx within 5 s delivers it, anything else (another"
                    + " status, a redirect, which is not followed, a timeout) is retried with backoff for 24 h.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "articles", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription.",
            content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "409", description = "The service already keeps the most subscriptions it may.")
    @Audited(action = "webhook.create", target = "webhook", created = "id")
    public RestResponse<CreatedWebhook> create(@Valid @NotNull WebhookInput input, UriInfo uriInfo) {
        CreatedWebhook created = webhooks.create(input);
        return Created.at(uriInfo, WebhookResource.class, created.id(), created);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription",
            description = "Never the secret; active false with disabledReason once deliveries kept failing.")
    @APIResponse(responseCode = "200", description = "The subscription.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.get(Ids.parse(id, "webhook"));
    }

    @PATCH
    @Path("{id: [0-9]+}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchWebhook", summary = "Change a webhook subscription",
            description = "JSON Merge Patch (RFC 7396) of url, events and active. active false pauses it; active true"
                    + " enables a paused or disabled one, and its queued deliveries go out in order.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any subset of the fields of WebhookInput."),
            examples = @ExampleObject(name = "enable", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The subscription as stored.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    @Audited(action = "webhook.update", target = "webhook")
    public WebhookView patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return webhooks.patch(Ids.parse(id, "webhook"), mergePatch.of(patch, WebhookInput.class),
                Precondition.ifMatch(ifMatch));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription",
            description = "With its deliveries: nothing more is sent to it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    @Audited(action = "webhook.delete", target = "webhook")
    public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(Ids.parse(id, "webhook"), Precondition.ifMatch(ifMatch));
    }

    @GET
    @Path("{id: [0-9]+}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries",
            description = "Each event sent or to send, with its state, attempts, the last response code, the start of"
                    + " the last answer and a short error; newest first by default (sort: id or occurredAt).")
    @APIResponse(responseCode = "200", description = "One page of deliveries.")
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    public RestResponse<Page<DeliveryView>> deliveries(@PathParam("id") String id,
                                                       @BeanParam DeliveryListParams params, UriInfo uriInfo) {
        long webhook = Ids.parse(id, "webhook");
        DeliveryListParams.Parsed query = params.parse();
        return PagedResponses.ok(webhooks.deliveries(webhook, query.status(), query.page()), uriInfo);
    }

    @POST
    @Path("{id: [0-9]+}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a test event",
            description = "Queues a webhook.ping event (data: {\"webhookId\": id}) behind the subscription's other"
                    + " deliveries; watch it in the deliveries.")
    @APIResponse(responseCode = "202", description = "Queued.",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No subscription has this id.")
    @APIResponse(responseCode = "409", description = "The subscription is disabled: enable it first.")
    @Audited(action = "webhook.ping", target = "webhook")
    public RestResponse<DeliveryView> ping(@PathParam("id") String id) {
        return RestResponse.accepted(webhooks.ping(Ids.parse(id, "webhook")));
    }
}
