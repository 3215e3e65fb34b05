package org.whistle.intake.raising;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.raising.domain.PhoneNumber;

/**
 * Encrypts reporters' phone numbers with AES-256-GCM (a fresh 96-bit nonce per value, stored before the
 * ciphertext). The key comes from {@code whistle.intake.phone-key}; without it the service does not start, unless
 * {@code whistle.intake.insecure-dev-phone-key=true} allows a fixed key that anyone can read in this file.
 */
@Component
public class PhoneCipher {

    private static final Logger log = LoggerFactory.getLogger(PhoneCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED = "whistle-intake-phone-v1".getBytes(StandardCharsets.US_ASCII);
    /** Not a secret: it exists so a laptop can run the service. Never use it where real phones are stored. */
    private static final String INSECURE_DEV_KEY = "d2hpc3RsZS1pbnNlY3VyZS1kZXYtcGhvbmUta2V5ISE=";

    private static final byte[] LOOKUP_LABEL = "whistle-intake-phone-lookup-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    PhoneCipher(IntakeProperties properties) {
        var configured = properties.phoneKey();
        String base64;
        if (configured != null && !configured.isBlank()) {
            base64 = configured.strip();
        } else if (properties.insecureDevPhoneKey()) {
            log.warn("Reporters' phone numbers are encrypted with the PUBLIC development key"
                    + " (whistle.intake.insecure-dev-phone-key=true): set whistle.intake.phone-key in production");
            base64 = INSECURE_DEV_KEY;
        } else {
            throw new IllegalStateException("whistle.intake.phone-key (WHISTLE_PHONE_KEY) must be set to base64 of a"
                    + " 256-bit key, e.g. `openssl rand -base64 32`; for local development only, set"
                    + " whistle.intake.insecure-dev-phone-key=true (WHISTLE_INSECURE_DEV_PHONE_KEY=true)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("whistle.intake.phone-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "whistle.intake.phone-key must hold 32 bytes (256 bits); it holds " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        // A key of its own for the look-up hash, derived from the phone key so no further secret is to be kept; a
        // hash under it says nothing without the phone key.
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(bytes, "HmacSHA256"), LOOKUP_LABEL), "HmacSHA256");
    }

    /**
     * The keyed hash a number is found by (V14 {@code phone_lookup}): the same for the same number however it was
     * written, since {@link PhoneNumber} holds its normalised digits, and useless to anyone without the phone key.
     */
    public byte[] lookup(PhoneNumber phone) {
        return hmac(lookupKey, phone.digits().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    public byte[] encrypt(PhoneNumber phone) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED);
            var sealed = cipher.doFinal(phone.digits().getBytes(StandardCharsets.US_ASCII));
            var out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a phone number", e);
        }
    }

    public PhoneNumber decrypt(byte[] stored) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
            cipher.updateAAD(ASSOCIATED);
            var plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new PhoneNumber(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a phone number: was whistle.intake.phone-key changed?", e);
        }
    }

    /** Whether a stored number is this one; false rather than an error when it cannot be read. */
    public boolean matches(byte[] stored, PhoneNumber phone) {
        try {
            return java.security.MessageDigest.isEqual(
                    decrypt(stored).digits().getBytes(StandardCharsets.US_ASCII),
                    phone.digits().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
