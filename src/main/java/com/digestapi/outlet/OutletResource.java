package com.digestapi.outlet;

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

/** HTTP face of outlets: /api/v1/outlets. */
@Path(ApiPaths.V1 + "/outlets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outlets", description = "Media outlets whose pieces the digest summarises.")
public class OutletResource {

    static final String CREATE_EXAMPLE = """
            {"name": "Kazinform", "websiteUrl": "https://www.inform.kz", "country": "KZ", "language": "en"}""";
    static final String PATCH_EXAMPLE = """
            {"country": "JP"}""";

    private final OutletService outlets;
    private final MergePatch mergePatch;

    OutletResource(OutletService outlets, MergePatch mergePatch) {
        this.mergePatch = mergePatch;
        this.outlets = outlets;
    }

    @GET
    @Operation(operationId = "listOutlets", summary = "List outlets", description = "Filter by `q` (name), `country`, `language`, `updatedSince`; "
            + "sort by " + "id, name, slug, country, language, createdAt, updatedAt (default `name`).")
    @APIResponse(responseCode = "200", description = "One page of outlets, each with its article count.")
    public RestResponse<Page<OutletView>> list(@BeanParam OutletListParams params, UriInfo uriInfo) {
        OutletListParams.Parsed query = params.parse();
        return PagedResponses.ok(outlets.list(query.filter(), query.page()), uriInfo);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getOutlet", summary = "Get an outlet",
            description = "With the number of articles that summarise it.")
    @APIResponse(responseCode = "200", description = "The outlet.")
    @APIResponse(responseCode = "404", description = "No outlet has this id.")
    public OutletView get(@PathParam("id") String id) {
        return outlets.get(Ids.parse(id, "outlet"));
    }

    @GET
    @Path(BySlug.PATH)
    @Operation(operationId = "getOutletBySlug", summary = "Get an outlet by its slug",
            description = "The same answer as GET /outlets/{id} (body, ETag, caching) for the outlet's current slug. A slug"
                    + " the outlet carried before a rename answers 301 Moved Permanently, with Location naming its"
                    + " current slug, so links made before a rename keep working.")
    @APIResponse(responseCode = "200", description = "The outlet.",
            content = @Content(schema = @Schema(implementation = OutletView.class)))
    @APIResponse(responseCode = "301", description = "The slug is one the outlet carried before a rename; Location names"
            + " its current slug.", content = @Content(schema = @Schema(implementation = BySlug.Moved.class)))
    @APIResponse(responseCode = "404", description = "No outlet has this slug, now or before a rename.")
    @APIResponse(responseCode = "400", description = "The path holds no slug (lowercase letters, digits and single"
            + " hyphens, at most 120 characters).")
    public RestResponse<Object> bySlug(@PathParam("slug") @Parameter(description = "The outlet's slug, current or old.",
            schema = @Schema(implementation = Slugs.class)) String slug, UriInfo uriInfo) {
        return BySlug.answer(uriInfo, OutletResource.class, "outlet", slug, outlets::bySlug, outlets::get);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOutlet", summary = "Create an outlet", description = "The slug is generated from the name when left out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "outlet", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new outlet.",
            content = @Content(schema = @Schema(implementation = OutletView.class)))
    @APIResponse(responseCode = "409", description = "The slug or name is already taken.")
    @Audited(action = "outlet.create", target = "outlet", created = "id")
    public RestResponse<OutletView> create(@Valid @NotNull OutletInput input, UriInfo uriInfo) {
        OutletView created = outlets.create(input);
        return Created.at(uriInfo, OutletResource.class, created.id(), created);
    }

    @PUT
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceOutlet", summary = "Replace an outlet", description = "Fields left out are cleared; a left-out slug keeps the current one.")
    @APIResponse(responseCode = "200", description = "The outlet as stored.")
    @Audited(action = "outlet.update", target = "outlet")
    public OutletView replace(@PathParam("id") String id, @Valid @NotNull OutletInput input, @HeaderParam("If-Match") String ifMatch) {
        return outlets.replace(Ids.parse(id, "outlet"), input, Precondition.ifMatch(ifMatch));
    }

    @PATCH
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchOutlet", summary = "Change some fields of an outlet", description = "JSON Merge Patch (RFC 7396): fields set to null are cleared.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any subset of the fields of OutletInput; null clears a field."),
            examples = @ExampleObject(name = "country", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The outlet as stored.")
    @Audited(action = "outlet.update", target = "outlet")
    public OutletView patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return outlets.patch(Ids.parse(id, "outlet"), mergePatch.of(patch, OutletInput.class), Precondition.ifMatch(ifMatch));
    }

    @DELETE
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Operation(operationId = "deleteOutlet", summary = "Delete an outlet", description = "Refused with 409 while articles still summarise the outlet.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Audited(action = "outlet.delete", target = "outlet")
    public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        outlets.delete(Ids.parse(id, "outlet"), Precondition.ifMatch(ifMatch));
    }
}
