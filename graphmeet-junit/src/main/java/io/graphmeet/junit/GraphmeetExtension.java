package io.graphmeet.junit;

import io.graphmeet.testkit.GraphmeetServer;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.TokenSource;
import io.graphmeet.testkit.admin.AdminClient;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GraphmeetTest}; register it yourself to choose in code:
 * {@code @RegisterExtension static GraphmeetExtension graphmeet = GraphmeetExtension.perClass();}. One graphmeet
 * lives for the test class (nested classes share it) or for each test method, and is stopped, its folder deleted,
 * when that ends. Fault rules a test sets through {@link GraphmeetServer#faults()} are removed after it.
 */
public final class GraphmeetExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Logger LOG = Logger.getLogger(GraphmeetExtension.class.getName());
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GraphmeetExtension.class);
    private static final String SERVER = "server";
    private static final String TENANT = "tenant";
    private static final String GRAPH_SERVICE_CLIENT = "com.microsoft.graph.serviceclient.GraphServiceClient";
    private static final String GRAPH_CLIENTS = "io.graphmeet.testkit.sdk.GraphClients";

    private final Lifecycle lifecycle;
    private final Map<String, String> settings;

    /** The extension as {@link GraphmeetTest} registers it: lifecycle and settings from the annotation. */
    public GraphmeetExtension() {
        this(null, Map.of());
    }

    private GraphmeetExtension(Lifecycle lifecycle, Map<String, String> settings) {
        this.lifecycle = lifecycle;
        this.settings = Map.copyOf(settings);
    }

    /** One graphmeet for the test class. */
    public static GraphmeetExtension perClass() {
        return new GraphmeetExtension(Lifecycle.PER_CLASS, Map.of());
    }

    /** A new graphmeet for each test method. */
    public static GraphmeetExtension perMethod() {
        return new GraphmeetExtension(Lifecycle.PER_METHOD, Map.of());
    }

    /** The same extension with one setting more, e.g. {@code setting("issuer.tokenLifetime", "PT5M")}. */
    public GraphmeetExtension setting(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new GraphmeetExtension(lifecycle, more);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifecycle(context) == Lifecycle.PER_CLASS) {
            server(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(SERVER, Running.class);
        if (running != null) {
            running.server().faults().removeAdded();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(GraphBaseUrl.class)) {
            return type == String.class || type == URI.class;
        }
        return type == GraphmeetServer.class
                || type == TestTenant.class
                || type == TokenSource.class
                || type == AdminClient.class
                || type.getName().equals(GRAPH_SERVICE_CLIENT)
                || type.getName().equals(GRAPH_CLIENTS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        GraphmeetServer server = server(context);
        Class<?> type = parameter.getParameter().getType();
        boolean delegated = parameter.isAnnotated(Delegated.class);
        if (parameter.isAnnotated(GraphBaseUrl.class)) {
            return type == URI.class ? URI.create(server.baseUrl()) : server.baseUrl();
        }
        if (type == GraphmeetServer.class) {
            return server;
        }
        if (type == AdminClient.class) {
            return server.admin();
        }
        if (type == TestTenant.class) {
            return tenant(server, context);
        }
        if (type == TokenSource.class) {
            TestTenant tenant = tenant(server, context);
            return delegated ? tenant.userToken() : tenant.appToken();
        }
        if (type.getName().equals(GRAPH_CLIENTS)) {
            return SdkParameters.clients(server);
        }
        if (type.getName().equals(GRAPH_SERVICE_CLIENT)) {
            return SdkParameters.client(server, tenant(server, context), delegated);
        }
        throw new ParameterResolutionException("graphmeet cannot inject " + parameter.getParameter());
    }

    /** The test's tenant: made on first use in a test (or its {@code @BeforeEach}), the same for all its uses. */
    private static TestTenant tenant(GraphmeetServer server, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TENANT, key -> server.newTenant(), TestTenant.class);
    }

    /** The graphmeet of this context, started on first need in the context its lifecycle names. */
    private GraphmeetServer server(ExtensionContext context) {
        ExtensionContext owner = lifecycle(context) == Lifecycle.PER_METHOD
                        && context.getTestMethod().isPresent()
                ? context
                : classContext(context);
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(SERVER, key -> start(owner), Running.class)
                .server();
    }

    private Running start(ExtensionContext owner) {
        GraphmeetServer.Builder builder = GraphmeetServer.builder();
        settings(owner).forEach(builder::setting);
        GraphmeetServer server = builder.start();
        int start = server.startInJvm();
        long millis = server.startup().toMillis();
        LOG.info("graphmeet for " + owner.getDisplayName() + " started in " + millis + " ms on " + server.baseUrl()
                + (start == 1
                        ? " (the first start in this JVM, loading its classes)"
                        : " (start " + start + " in this JVM)"));
        owner.publishReportEntry(Map.of(
                "graphmeet.startupMillis", Long.toString(millis), "graphmeet.startInJvm", Integer.toString(start)));
        return new Running(server);
    }

    private Lifecycle lifecycle(ExtensionContext context) {
        if (lifecycle != null) {
            return lifecycle;
        }
        return annotation(context).map(GraphmeetTest::lifecycle).orElse(Lifecycle.PER_CLASS);
    }

    private Map<String, String> settings(ExtensionContext context) {
        Map<String, String> all = new LinkedHashMap<>();
        annotation(context).ifPresent(annotation -> {
            for (String setting : annotation.settings()) {
                int equals = setting.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("@GraphmeetTest settings are key=value, not '" + setting + "'");
                }
                all.put(
                        setting.substring(0, equals).trim(),
                        setting.substring(equals + 1).trim());
            }
        });
        all.putAll(settings);
        return all;
    }

    /** The nearest {@link GraphmeetTest} on the test class or a class enclosing it. */
    private static Optional<GraphmeetTest> annotation(ExtensionContext context) {
        for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = at.getElement();
            if (element.isPresent() && element.get() instanceof Class<?> type) {
                Optional<GraphmeetTest> found = AnnotationSupport.findAnnotation(type, GraphmeetTest.class);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The context of the test class (the outermost, for nested classes, so that they share its graphmeet). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext found = context;
        for (ExtensionContext at = context;
                at.getParent().isPresent();
                at = at.getParent().get()) {
            if (at.getElement().orElse(null) instanceof Class<?>) {
                found = at;
            }
        }
        return found;
    }

    /** A running graphmeet, stopped when the context holding it ends. */
    private record Running(GraphmeetServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
