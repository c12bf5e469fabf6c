package dev.brokerwatch.tests.inventory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A fetch request that the partition's leader fails in a way it counts: Kafka's FailedFetchRequestsPerSec meters
 * (the broker-wide one and the topic's, registered on first use) count only errors a broker does not expect, not
 * the usual not-leader or out-of-range answers, so no well-behaved client ever makes the topic's meter exist. A
 * partition that asks for -1 bytes is such an error: the log read refuses the size. Sent on a plain socket as
 * Fetch version 12, which names topics (every Kafka version recorded serves it).
 */
final class FailingFetchRequest {
    private static final short VERSION = 12;

    private FailingFetchRequest() {
    }

    /** Sends the request to {@code leader}, the leader of {@code partition}, and reads its answer. */
    static void send(InetSocketAddress leader, TopicPartition partition) {
        FetchRequest request = FetchRequest.Builder.forConsumer(VERSION, 0, 0,
                Map.of(partition, new FetchRequest.PartitionData(Uuid.ZERO_UUID, 0L, -1L, -1, Optional.empty())))
                .build(VERSION);
        ByteBuffer bytes = request.serializeWithHeader(
                new RequestHeader(ApiKeys.FETCH, VERSION, "brokerwatch-failing-fetch", 1));
        try (Socket socket = new Socket(leader.getAddress(), leader.getPort())) {
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] body = new byte[bytes.remaining()];
            bytes.duplicate().get(body);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[in.readInt()]); // the answer: the request was handled
        } catch (IOException e) {
            throw new UncheckedIOException("fetch request to " + leader + " failed", e);
        }
    }
}
