package com.digestapi.account;

import com.digestapi.activity.Audited;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.Created;
import com.digestapi.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** HTTP face of API tokens: an editor issues, lists and revokes the tokens their programs sign in with. */
@Path(ApiPaths.V1 + "/accounts/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "API tokens", description = "Credentials for programs, sent as Authorization: Bearer <token>. A token acts"
        + " as the account that created it, costs no bcrypt per request, and can be revoked on its own.")
public class TokenResource {

    static final String CREATE_EXAMPLE = """
            {"name": "nightly partner sync", "expiresAt": "2027-06-30T00:00:00Z"}""";

    private final ApiTokens tokens;
    private final Viewer viewer;

    TokenResource(ApiTokens tokens, Viewer viewer) {
        this.tokens = tokens;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listApiTokens", summary = "List your API tokens",
            description = "Oldest first, at most " + ApiTokens.MAX_PER_ACCOUNT + "; never the secrets.")
    @APIResponse(responseCode = "200", description = "The signed-in account's tokens.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class,
                    maxItems = ApiTokens.MAX_PER_ACCOUNT)))
    public List<TokenView> list() {
        return tokens.list(viewer.name());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Issue an API token",
            description = "The answer is the only place the token appears: store it now. At most "
                    + ApiTokens.MAX_PER_ACCOUNT + " tokens per account.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "expiring", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Issued; Location names the token.",
            content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    @APIResponse(responseCode = "409", description = "The account already holds the most tokens it may.")
    @Audited(action = "token.create", target = "token", created = "id")
    public RestResponse<CreatedToken> create(@Valid @NotNull TokenInput input, UriInfo uriInfo) {
        CreatedToken created = tokens.create(viewer.name(), input);
        return Created.at(uriInfo, TokenResource.class, created.id(), created);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getApiToken", summary = "Get one of your API tokens", description = "Never the secret.")
    @APIResponse(responseCode = "200", description = "The token.")
    @APIResponse(responseCode = "404", description = "You hold no token with this id.")
    public TokenView get(@PathParam("id") String id) {
        return tokens.get(viewer.name(), Ids.parse(id, "API token"));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke one of your API tokens",
            description = "The token stops working at once, on every instance.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "You hold no token with this id.")
    @Audited(action = "token.revoke", target = "token")
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(viewer.name(), Ids.parse(id, "API token"));
    }
}
