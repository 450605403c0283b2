package dev.secondround.candidate.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/clients. */
public final class ClientApi {

    private ClientApi() {
    }

    @Schema(name = "ClientRequest", description = "An employer the agency recruits for")
    public record ClientRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Helix Robotics GmbH") String name,
            @Size(max = 120) @Schema(examples = "Industrial automation") String industry,
            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(examples = "https://helix-robotics.example") String website,
            @Size(max = 50) List<@Valid @NotNull ContactBody> contacts) {
    }

    @Schema(name = "ClientContact")
    public record ContactBody(
            @NotBlank @Size(max = 200) @Schema(examples = "Margarethe Oyelaran-Kowalski") String name,
            @Size(max = 200) @Schema(examples = "Head of Talent") String title,
            @Email @Size(max = 320) @Schema(examples = "m.oyelaran@helix-robotics.example") String email,
            @Size(max = 40) @Schema(examples = "+49 30 1234567") String phone) {
    }

    @Schema(name = "Client")
    public record ClientView(
            UUID id,
            @Schema(examples = "Helix Robotics GmbH") String name,
            String industry,
            String website,
            List<ContactBody> contacts,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Optimistic-lock version; also sent as the ETag", examples = "0") long version) {

        static ClientView of(Client client) {
            return new ClientView(client.getId(), client.name, client.industry, client.website,
                    client.contacts.stream().map(c -> new ContactBody(c.name(), c.title(), c.email(), c.phone())).toList(),
                    client.getCreatedAt(), client.getUpdatedAt(), client.getVersion());
        }
    }
}
