package dev.secondround.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Where the published document (and Swagger UI's "Authorize") sends people to sign in, set when the
 * service starts from {@code platform.openapi.oidc-url} ({@code OPENAPI_OIDC_DISCOVERY_URL}): the public
 * Keycloak address, which the services themselves may reach under another name. Quarkus's own
 * {@code quarkus.smallrye-openapi.oidc-open-id-connect-url} is fixed at build time, so a deployment
 * could not change it. Unset, the document keeps the build's URL (the one committed in docs/openapi).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublicOidcUrlFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> url = ConfigProvider.getConfig().getOptionalValue("platform.openapi.oidc-url", String.class);
        if (url.isEmpty() || openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        openAPI.getComponents().getSecuritySchemes().values().stream()
                .filter(scheme -> scheme.getType() == SecurityScheme.Type.OPENIDCONNECT)
                .forEach(scheme -> scheme.setOpenIdConnectUrl(url.get()));
    }
}
