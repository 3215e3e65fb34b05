import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A department system reading Whistle's events straight from Kafka, with kafka-clients alone:
 * {@code java -cp kafka-clients.jar DepartmentConsumer.java <bootstrap servers> <group id> <topic>...}.
 *
 * <p>Each record's value is the JSON event envelope of the AsyncAPI document ({@code docs/api/asyncapi.json}); the
 * headers repeat its {@code type}, {@code version} and {@code event-id}, so routing and de-duplication need no JSON
 * parsing. Offsets are committed only after a batch was handled: a crash re-reads, never skips (at least once), and
 * the event id makes a re-read harmless (effectively once). A real system keeps the handled ids in the same database
 * transaction as its effect; this example keeps them in memory. It prints {@code handled <event id> <type> v<version>
 * key=<key>} or {@code duplicate <event id>} per record. Replace {@link #handle} with what the department does.
 */
public class DepartmentConsumer {

    private static final int REMEMBERED = 100_000;

    private final Set<String> handled = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: java -cp kafka-clients.jar DepartmentConsumer.java <bootstrap> <group> <topic>...");
            System.exit(2);
        }
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only what the producers committed: the outbox relay writes in transactions.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        new DepartmentConsumer().run(properties, Arrays.asList(args).subList(2, args.length));
    }

    void run(Properties properties, java.util.List<String> topics) {
        try (var consumer = new KafkaConsumer<String, String>(properties)) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            consumer.subscribe(topics);
            System.out.println("subscribed to " + String.join(",", topics));
            System.out.flush();
            while (true) {
                var records = consumer.poll(Duration.ofSeconds(1));
                for (var record : records) {
                    receive(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // Stopping: the last handled batch is committed, the rest will be read again.
        }
    }

    private void receive(ConsumerRecord<String, String> record) {
        var eventId = header(record, "event-id");
        var type = header(record, "type");
        if (eventId == null || !handled.add(eventId)) {
            System.out.println("duplicate " + eventId);
            return;
        }
        handle(type, record.value());
        System.out.println(
                "handled " + eventId + " " + type + " v" + header(record, "version") + " key=" + record.key());
        System.out.flush();
    }

    /** What the department's system does with an event (the envelope as JSON): here, nothing but the printed line. */
    void handle(String type, String envelope) {}

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
