package dev.secondround.candidate.client;

import dev.secondround.platform.api.Text;
import dev.secondround.candidate.client.ClientApi.ClientRequest;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Like;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ClientService {

    private final ClientRepository clients;

    public ClientService(ClientRepository clients) {
        this.clients = clients;
    }

    public Client create(ClientRequest request) {
        if (clients.nameTaken(request.name(), null)) {
            throw ProblemException.conflict("a client named '" + request.name() + "' already exists");
        }
        Client client = new Client();
        apply(client, request);
        clients.persistAndFlush(client);
        return client;
    }

    public Optional<Client> find(UUID id) {
        return clients.findByIdOptional(id);
    }

    public Client require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("client"));
    }

    public Page<Client> list(String name, PageParams page) {
        return KeysetQuery.of(Client.class)
                .andIf(name != null && !name.isBlank(), "lower(e.name) like :name", "name", Like.contains(name))
                .page(clients.getEntityManager(), page);
    }

    public Client update(UUID id, IfMatch ifMatch, ClientRequest request) {
        Client client = require(id);
        ifMatch.check(client.getVersion());
        if (clients.nameTaken(request.name(), id)) {
            throw ProblemException.conflict("a client named '" + request.name() + "' already exists");
        }
        apply(client, request);
        clients.flush();
        return client;
    }

    private static void apply(Client client, ClientRequest request) {
        client.name = request.name().strip();
        client.industry = Text.clean(request.industry());
        client.website = Text.clean(request.website());
        client.contacts = new ArrayList<>(request.contacts() == null ? java.util.List.of()
                : request.contacts().stream().map(c -> new Client.Contact(Text.clean(c.name()), Text.clean(c.title()),
                        Text.clean(c.email()), Text.clean(c.phone()))).toList());
    }
}
