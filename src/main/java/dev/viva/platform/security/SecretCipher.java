package dev.viva.platform.security;

import dev.viva.webhook.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets the server must use again in clear, with the installation's AES-256-GCM key: webhook signing
 * secrets (to sign) and invited candidates' tokens (to put the same join link in a reminder). They cannot be hashed
 * like API keys. Stored form: {@code v1.<key id>.<base64(iv | ciphertext+tag)>}; the key id (a fingerprint of
 * the key) makes a changed or missing key an explicit error instead of garbage.
 */
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final String SETTING = "secret-key";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookConfig config;
    private final EntityManager em;
    private volatile SecretKey key;
    private volatile String keyId;

    SecretCipher(WebhookConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public String encrypt(String plain) {
        SecretKey k = key();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return "v1." + keyId + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by the Java platform", e);
        }
    }

    public String decrypt(String stored) {
        SecretKey k = key();
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("a secret is stored in an unknown format");
        }
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("a secret was encrypted with another key (id " + parts[1]
                    + ", current " + keyId + "): viva.webhook.secret-key changed");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret failed its integrity check", e);
        }
    }

    private SecretKey key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] raw = config.secretKey().map(SecretCipher::decodeConfiguredKey).orElseGet(this::sharedGeneratedKey);
                    keyId = fingerprint(raw);
                    key = new SecretKeySpec(raw, "AES");
                }
            }
        }
        return key;
    }

    private static byte[] decodeConfiguredKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("viva.webhook.secret-key is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("viva.webhook.secret-key must be 32 bytes (base64 of 32 random bytes, e.g. "
                    + "`openssl rand -base64 32`), got " + raw.length);
        }
        return raw;
    }

    /** One key for all replicas: the first to start generates it, the others read it. */
    private byte[] sharedGeneratedKey() {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        String value = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into webhook_setting (name, value) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, SETTING).setParameter(2, Base64.getEncoder().encodeToString(candidate))
                    .executeUpdate();
            return (String) em.createNativeQuery("select value from webhook_setting where name = ?1")
                    .setParameter(1, SETTING).getSingleResult();
        });
        LOG.warn("viva.webhook.secret-key is not set: webhook signing secrets and invited candidates' tokens are "
                + "encrypted with a key kept in the database itself. Set viva.webhook.secret-key (base64 of 32 random bytes) to protect them at rest.");
        return Base64.getDecoder().decode(value);
    }

    private static String fingerprint(byte[] raw) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(raw);
            return java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
