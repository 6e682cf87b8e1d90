package io.graphmeet.entra;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A signing key as Microsoft Entra ID has them: an RSA 2048 key in a self-signed certificate
 * ({@code CN=accounts.accesscontrol.windows.net}), published with {@code x5c} and {@code x5t}, and a {@code kid}
 * equal to the certificate's SHA-1 thumbprint.
 */
record EntraSigningKey(RSAKey jwk, Base64URL x5t) {

    static EntraSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=accounts.accesscontrol.windows.net");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(Duration.ofDays(30))),
                                    Date.from(now.plus(Duration.ofDays(1800))),
                                    name,
                                    pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            Base64URL thumbprint =
                    Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(thumbprint.toString())
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                    .build();
            return new EntraSigningKey(jwk, thumbprint);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make an Entra-like signing key", e);
        }
    }

    String kid() {
        return jwk.getKeyID();
    }

    /**
     * The key as a keys document lists it: {@code kty, use, kid, x5t, n, e, x5c} and, in the v2.0 document,
     * the {@code issuer} that signs with it.
     */
    Map<String, Object> published(String issuer) {
        RSAKey key = jwk.toPublicJWK();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kty", "RSA");
        entry.put("use", "sig");
        entry.put("kid", key.getKeyID());
        entry.put("x5t", x5t.toString());
        entry.put("n", key.getModulus().toString());
        entry.put("e", key.getPublicExponent().toString());
        entry.put("x5c", key.getX509CertChain().stream().map(Base64::toString).toList());
        if (issuer != null) {
            entry.put("issuer", issuer);
        }
        return entry;
    }
}
