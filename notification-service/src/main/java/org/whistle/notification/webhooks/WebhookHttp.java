package org.whistle.notification.webhooks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One webhook POST to a checked target: the connection goes to {@link WebhookTargets.Target#address()} — the client
 * itself never looks a name up — with the host name only for {@code Host} and TLS (SNI, certificate check). A fresh
 * connection each time, no redirects, no retries of its own, no proxy, and only the status code is read: the
 * answer's body and any error text stay out of what this service keeps.
 */
final class WebhookHttp implements Closeable {

    /** Every connection goes to an address {@link WebhookTargets} checked. */
    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect only to checked addresses");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect only to checked addresses");
        }
    };

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(NO_LOOKUPS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(30))
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(Timeout.ofSeconds(30))
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setConnectionReuseStrategy((request, response, context) -> false)
            .build();

    /**
     * @return the answer's status code
     * @throws IOException with our own words only: the receiver could not be reached, did not answer in time, or
     *     failed the TLS handshake
     */
    int post(WebhookTargets.Target target, Map<String, String> headers, String json) throws IOException {
        var post = new HttpPost(target.uri());
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        var host = new HttpHost(target.scheme(), target.address(), target.host(), target.port());
        try (var response = http.executeOpen(host, post, null)) {
            return response.getCode();
        } catch (InterruptedIOException e) {
            throw new IOException("接收方超时未应答");
        } catch (SSLException e) {
            throw new IOException("与接收方的 TLS 握手失败");
        } catch (IOException e) {
            throw new IOException("无法连接接收方");
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
