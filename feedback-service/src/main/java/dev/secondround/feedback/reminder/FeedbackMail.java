package dev.secondround.feedback.reminder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.outbox.Outbox;
import dev.secondround.platform.outbox.OutboxHandler;
import dev.secondround.platform.outbox.OutboxMessage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reminder and escalation mails through the transactional outbox: queued in the transaction that
 * records the notification (a rolled-back run mails nothing, a committed one is never forgotten) and
 * sent by the relay afterwards, with retries. The text is written when queued, so the mail says what
 * the notification recorded; a crash between sending and recording it may send it twice.
 */
@ApplicationScoped
public class FeedbackMail implements OutboxHandler {

    public static final String TOPIC = "feedback-mail";

    private final Outbox outbox;
    private final Mailer mailer;
    private final ObjectMapper json;

    public FeedbackMail(Outbox outbox, Mailer mailer, ObjectMapper json) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.json = json;
    }

    /** One plain-text mail to one person. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String to, String subject, String text) {
    }

    /** Queues the mail in the caller's transaction; the id is the outbox message's. */
    public UUID queue(Message message) {
        return outbox.enqueue(TOPIC, message);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Message mail = json.readValue(message.payload(), Message.class);
        mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()));
    }
}
