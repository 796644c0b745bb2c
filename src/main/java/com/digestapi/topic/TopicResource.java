package com.digestapi.topic;

import com.digestapi.activity.Audited;
import com.digestapi.caching.Precondition;
import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.persistence.Slugs;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.BySlug;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of topics: /api/v1/topics. */
@Path(ApiPaths.V1 + "/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "Subject tags of articles.")
public class TopicResource {

    static final String CREATE_EXAMPLE = """
            {"name": "Water security", "description": "Rivers, dams and the Aral Sea."}""";
    static final String PATCH_EXAMPLE = """
            {"description": "Nuclear power and the 2024 referendum."}""";

    private final TopicService topics;
    private final MergePatch mergePatch;

    TopicResource(TopicService topics, MergePatch mergePatch) {
        this.mergePatch = mergePatch;
        this.topics = topics;
    }

    @GET
    @Operation(operationId = "listTopics", summary = "List topics", description = "Filter by `q` (name) and `updatedSince`; "
            + "sort by id, name, slug, createdAt, updatedAt (default `name`).")
    @APIResponse(responseCode = "200", description = "One page of topics, each with its article count.")
    public RestResponse<Page<TopicView>> list(@BeanParam TopicListParams params, UriInfo uriInfo) {
        TopicListParams.Parsed query = params.parse();
        return PagedResponses.ok(topics.list(query.filter(), query.page()), uriInfo);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getTopic", summary = "Get a topic",
            description = "With the number of articles tagged with it.")
    @APIResponse(responseCode = "200", description = "The topic.")
    @APIResponse(responseCode = "404", description = "No topic has this id.")
    public TopicView get(@PathParam("id") String id) {
        return topics.get(Ids.parse(id, "topic"));
    }

    @GET
    @Path(BySlug.PATH)
    @Operation(operationId = "getTopicBySlug", summary = "Get a topic by its slug",
            description = "The same answer as GET /topics/{id} (body, ETag, caching) for the topic's current slug. A slug"
                    + " the topic carried before a rename answers 301 Moved Permanently, with Location naming its"
                    + " current slug, so links made before a rename keep working.")
    @APIResponse(responseCode = "200", description = "The topic.",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "301", description = "The slug is one the topic carried before a rename; Location names"
            + " its current slug.", content = @Content(schema = @Schema(implementation = BySlug.Moved.class)))
    @APIResponse(responseCode = "404", description = "No topic has this slug, now or before a rename.")
    @APIResponse(responseCode = "400", description = "The path holds no slug (lowercase letters, digits and single"
            + " hyphens, at most 120 characters).")
    public RestResponse<Object> bySlug(@PathParam("slug") @Parameter(description = "The topic's slug, current or old.",
            schema = @Schema(implementation = Slugs.class)) String slug, UriInfo uriInfo) {
        return BySlug.answer(uriInfo, TopicResource.class, "topic", slug, topics::bySlug, topics::get);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTopic", summary = "Create a topic", description = "The slug is generated from the name when left out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "topic", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new topic.",
            content = @Content(schema = @Schema(implementation = TopicView.class)))
    @APIResponse(responseCode = "409", description = "The slug or name is already taken.")
    @Audited(action = "topic.create", target = "topic", created = "id")
    public RestResponse<TopicView> create(@Valid @NotNull TopicInput input, UriInfo uriInfo) {
        TopicView created = topics.create(input);
        return Created.at(uriInfo, TopicResource.class, created.id(), created);
    }

    @PUT
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceTopic", summary = "Replace a topic", description = "Fields left out are cleared; a left-out slug keeps the current one.")
    @APIResponse(responseCode = "200", description = "The topic as stored.")
    @Audited(action = "topic.update", target = "topic")
    public TopicView replace(@PathParam("id") String id, @Valid @NotNull TopicInput input, @HeaderParam("If-Match") String ifMatch) {
        return topics.replace(Ids.parse(id, "topic"), input, Precondition.ifMatch(ifMatch));
    }

    @PATCH
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchTopic", summary = "Change some fields of a topic", description = "JSON Merge Patch (RFC 7396): fields set to null are cleared.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any subset of the fields of TopicInput; null clears a field."),
            examples = @ExampleObject(name = "description", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The topic as stored.")
    @Audited(action = "topic.update", target = "topic")
    public TopicView patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return topics.patch(Ids.parse(id, "topic"), mergePatch.of(patch, TopicInput.class), Precondition.ifMatch(ifMatch));
    }

    @DELETE
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Operation(operationId = "deleteTopic", summary = "Delete a topic", description = "Detaches the topic from its articles, which count as changed.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Audited(action = "topic.delete", target = "topic")
    public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        topics.delete(Ids.parse(id, "topic"), Precondition.ifMatch(ifMatch));
    }
}
