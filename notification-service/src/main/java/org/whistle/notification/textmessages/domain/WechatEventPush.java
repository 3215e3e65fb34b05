package org.whistle.notification.textmessages.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * What WeChat pushes to the account's server address (明文模式, plain-text mode) about the messages we sent: the
 * signature it puts on every push, and the outcome of template messages ({@code TEMPLATESENDJOBFINISH}) and
 * subscription messages ({@code subscribe_msg_sent_event}).
 */
public final class WechatEventPush {

    /** The message WeChat sent or could not send, by the {@code msgid} its send answer gave. */
    public record Outcome(
            String msgId, boolean delivered, @Nullable String reason) {}

    private WechatEventPush() {}

    /**
     * WeChat's check: {@code signature = lowercaseHex(SHA-1(the token, timestamp and nonce sorted and joined))},
     * compared in constant time.
     */
    public static boolean signed(String token, String timestamp, String nonce, String signature) {
        var joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        try {
            var expected = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /**
     * The outcomes in one push; none for any other event (a follow, a menu click) or a push that is not WeChat's XML.
     * No document type is read, so no entity can reach outside the body.
     */
    public static List<Outcome> outcomes(byte[] xml) {
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml))
                    .getDocumentElement();
        } catch (Exception e) {
            return List.of();
        }
        var event = text(root, "Event");
        var outcomes = new ArrayList<Outcome>();
        if ("TEMPLATESENDJOBFINISH".equals(event)) {
            var msgId = text(root, "MsgID");
            var status = text(root, "Status");
            if (msgId != null && status != null) {
                // "success", "failed:user block" (the reporter blocked the account), "failed: system failed".
                boolean delivered = status.equals("success");
                outcomes.add(new Outcome(msgId, delivered, delivered ? null : status));
            }
        } else if ("subscribe_msg_sent_event".equals(event)) {
            var lists = root.getElementsByTagName("List");
            for (int i = 0; i < lists.getLength(); i++) {
                var item = (Element) lists.item(i);
                var msgId = text(item, "MsgID");
                var code = text(item, "ErrorCode");
                if (msgId != null && code != null) {
                    boolean delivered = code.equals("0");
                    var status = text(item, "ErrorStatus");
                    outcomes.add(new Outcome(
                            msgId, delivered, delivered ? null : (status == null ? "" : status) + "（" + code + "）"));
                }
            }
        }
        return outcomes;
    }

    private static @Nullable String text(Element parent, String name) {
        var found = parent.getElementsByTagName(name);
        if (found.getLength() == 0) {
            return null;
        }
        var value = found.item(0).getTextContent();
        return value == null ? null : value.strip();
    }
}
