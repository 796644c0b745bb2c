package com.digestapi.account;

import com.digestapi.activity.Audited;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of accounts: editors add and remove the people who may sign in. */
@Path(ApiPaths.V1 + "/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "Accounts", description = "Who may sign in; editors only. Passwords are stored as bcrypt hashes.")
public class AccountResource {

    static final String CREATE_EXAMPLE = """
            {"username": "aigerim", "password": "correct horse battery", "roles": ["editor"]}""";

    private final AccountService accounts;
    private final Viewer viewer;

    AccountResource(AccountService accounts, Viewer viewer) {
        this.accounts = accounts;
        this.viewer = viewer;
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "List accounts",
            description = "At most " + AccountService.MAX_ACCOUNTS + " accounts exist, so the list has no pages.")
    @APIResponse(responseCode = "200", description = "Every account, by username; never a password.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccountView.class,
                    maxItems = AccountService.MAX_ACCOUNTS)))
    public List<AccountView> list() {
        return accounts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Add an account",
            description = "roles [\"editor\"] makes another editor; [] an account that can sign in but not write.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "editor", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @Audited(action = "account.create", target = "account", created = "username")
    public RestResponse<AccountView> create(@Valid @NotNull AccountInput input, UriInfo uriInfo) {
        AccountView created = accounts.create(input);
        return RestResponse.ResponseBuilder.<AccountView>created(uriInfo.getAbsolutePathBuilder()
                .path(created.username()).build()).entity(created).build();
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "deleteAccount", summary = "Remove an account", description = "Editors cannot remove themselves.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @Audited(action = "account.delete", target = "account", id = "username")
    public void delete(@PathParam("username") @Parameter(schema = @Schema(type = SchemaType.STRING,
            maxLength = AccountInput.USERNAME_LENGTH, pattern = AccountInput.USERNAME_PATTERN)) String username) {
        accounts.delete(username, viewer.name());
    }
}
