package org.whistle.dispatch.anchoring;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.events.TimelineCheckpoint;

/**
 * The Ed25519 key dispatch signs checkpoints with, and the public keys checkpoints verify against: the current one
 * and earlier ones kept after a rotation. The private key never leaves this class (not in logs, views or events).
 * Without a configured key, one is made for this process only — fine for a demo, useless as evidence after a
 * restart, so production configures one.
 */
@Component
public class AnchorKeys {

    private static final Logger log = LoggerFactory.getLogger(AnchorKeys.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey signing;
    private final PublicKey publicKey;
    private final String keyId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    AnchorKeys(DispatchProperties properties) {
        var anchors = properties.anchors();
        try {
            var keys = KeyFactory.getInstance(ALGORITHM);
            if (anchors.signingKey() == null || anchors.signingKey().isBlank()) {
                var pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                signing = pair.getPrivate();
                publicKey = pair.getPublic();
                log.warn(
                        "no whistle.dispatch.anchors.signing-key: timeline checkpoints are signed with a key made for "
                                + "this process only, public key {} — configure one for checkpoints that verify "
                                + "after a restart",
                        encoded(publicKey));
            } else {
                if (anchors.publicKey() == null || anchors.publicKey().isBlank()) {
                    throw new IllegalStateException("whistle.dispatch.anchors.public-key is required with the "
                            + "signing key: it is what verifiers are given");
                }
                signing = keys.generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(anchors.signingKey().strip())));
                publicKey = publicKeyOf(keys, anchors.publicKey());
                if (!verify(publicKey, "whistle anchor key check", sign("whistle anchor key check"))) {
                    throw new IllegalStateException(
                            "whistle.dispatch.anchors.public-key is not the public key of the signing key");
                }
            }
            keyId = TimelineCheckpoint.keyIdOf(publicKey);
            trusted.put(keyId, publicKey);
            for (var earlier : anchors.trustedKeys()) {
                if (earlier.isBlank()) {
                    continue; // an empty list written as an empty variable (deploy's anchor-trusted-keys)
                }
                var key = publicKeyOf(keys, earlier);
                trusted.put(TimelineCheckpoint.keyIdOf(key), key);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message names the property, never the key's value.
            throw new IllegalStateException("the anchor keys (whistle.dispatch.anchors.*) cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Base64 Ed25519 signature of the UTF-8 text. */
    String sign(String text) {
        try {
            var signer = Signature.getInstance(ALGORITHM);
            signer.initSign(signing);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the anchor key", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The current public key, base64 X.509: what anyone verifying a checkpoint is given. */
    public String publicKey() {
        return encoded(publicKey);
    }

    /** Every key whose checkpoints verify, by key id, current first. */
    public Map<String, String> trustedKeys() {
        var keys = new LinkedHashMap<String, String>();
        trusted.forEach((id, key) -> keys.put(id, encoded(key)));
        return keys;
    }

    Optional<PublicKey> trustedKey(String id) {
        return Optional.ofNullable(trusted.get(id));
    }

    private static boolean verify(PublicKey key, String text, String signature) throws GeneralSecurityException {
        var verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    private static PublicKey publicKeyOf(KeyFactory keys, String base64) throws GeneralSecurityException {
        return keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    }

    private static String encoded(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
