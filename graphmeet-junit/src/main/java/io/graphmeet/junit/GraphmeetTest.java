package io.graphmeet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a graphmeet in the test JVM for the annotated class and injects into test parameters: {@link
 * io.graphmeet.testkit.GraphmeetServer} (verification, faults), {@link io.graphmeet.testkit.TestTenant} (fresh per
 * test), {@link io.graphmeet.testkit.TokenSource} (the tenant's application token, or with {@link Delegated} its
 * user's), {@link io.graphmeet.testkit.admin.AdminClient}, the base URL ({@link GraphBaseUrl} on a {@code String}
 * or {@code URI}), and with the Graph SDK on the classpath {@link io.graphmeet.testkit.sdk.GraphClients} and a
 * {@code GraphServiceClient} for the tenant.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GraphmeetExtension.class)
public @interface GraphmeetTest {

    /** One graphmeet per class (the default) or per test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** Settings as {@code key=value}, e.g. {@code "issuer.tokenLifetime=PT5M"} (see docs/ and --help). */
    String[] settings() default {};
}
