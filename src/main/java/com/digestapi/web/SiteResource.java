package com.digestapi.web;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's front door: / leads to the Swagger UI, /problems/{type} explains each problem type. */
@Path("/")
@Tag(name = "Service", description = "Entry points for people: documentation and problem types.")
public class SiteResource {

    @GET
    @Operation(operationId = "root", summary = "Redirect to the Swagger UI", description = "Answers 303 See Other to /q/swagger-ui.", hidden = true)
    @APIResponse(responseCode = "303", description = "See the Swagger UI.",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response root(UriInfo uriInfo) {
        return Response.seeOther(URI.create(uriInfo.getBaseUri().toString() + "q/swagger-ui")).build();
    }

    @GET
    @Path("problems/{type}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "describeProblemType", summary = "Describe a problem type", description = "Human-readable text for the `type` URI of a problem response.")
    @APIResponse(responseCode = "200", description = "What the problem type means.",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String problemType(@PathParam("type") String type) {
        return Arrays.stream(ProblemType.values())
                .filter(t -> t.slug.equals(type))
                .findFirst()
                .map(t -> t.title + " (HTTP " + t.status + ")\n\n" + t.description + "\n")
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "there is no problem type '" + type + "'"));
    }
}
