package io.graphmeet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Graph SDK is optional: with every {@code com.microsoft} class hidden, the plain API provisions a tenant and
 * gets its tokens, and the extension's classes load and link. Only {@code GraphClients} needs the SDK.
 */
class WithoutTheGraphSdkTest {

    @Test
    void thePlainApiAndTheExtensionWorkWithoutTheSdk() throws Exception {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withoutSdk = new HidingClassLoader(testClassPath())) {
            Thread.currentThread().setContextClassLoader(withoutSdk);
            assertThatThrownBy(() -> withoutSdk.loadClass("com.microsoft.graph.serviceclient.GraphServiceClient"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> server = withoutSdk.loadClass(GraphmeetServer.class.getName());
            assertThat(server.getClassLoader()).isSameAs(withoutSdk);
            AutoCloseable graphmeet = (AutoCloseable) server.getMethod("start").invoke(null);
            try {
                Object tenant = server.getMethod("newTenant").invoke(graphmeet);
                Object appToken = tenant.getClass().getMethod("appToken").invoke(tenant);
                String token = (String) appToken.getClass().getMethod("token").invoke(appToken);
                assertThat(token.split("\\.")).hasSize(3);
            } finally {
                graphmeet.close();
            }

            Class<?> extension = Class.forName("io.graphmeet.junit.GraphmeetExtension", true, withoutSdk);
            assertThat(extension.getDeclaredMethods())
                    .extracting(Method::getName)
                    .contains("resolveParameter");
            Class<?> clients = withoutSdk.loadClass("io.graphmeet.testkit.sdk.GraphClients");
            assertThatThrownBy(clients::getDeclaredMethods).isInstanceOf(NoClassDefFoundError.class);
        } finally {
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    /** The test class path as surefire gives it (its launcher jar hides it from {@code java.class.path}). */
    private static URL[] testClassPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /** Loads the test class path itself, minus the Graph SDK and its Microsoft libraries. */
    private static final class HidingClassLoader extends URLClassLoader {
        HidingClassLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.microsoft.")) {
                throw new ClassNotFoundException(name + " is hidden: this test runs without the Graph SDK");
            }
            return super.loadClass(name, resolve);
        }
    }
}
