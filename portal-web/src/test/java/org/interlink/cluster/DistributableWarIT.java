package org.interlink.cluster;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged WAR is distributable: its web.xml and the web-fragment.xml of every jar it carries say so. A web
 * application is distributable only when all of them do; when one does not, Payara keeps each session on the node
 * that made it, without a word, and a node's end signs its users out (issue 22). Read from the WAR the build made, so
 * a new library with a fragment that is not distributable fails the build here.
 */
class DistributableWarIT {

    @Test
    void theWarAndEveryFragmentInItAreDistributable() throws Exception {
        Map<String, Boolean> descriptors = new TreeMap<>();
        try (JarFile war = new JarFile(Path.of(System.getProperty("interlink.war")).toFile())) {
            descriptors.put("WEB-INF/web.xml", distributable(war.getInputStream(war.getJarEntry("WEB-INF/web.xml"))));
            for (JarEntry entry : war.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar"))
                    .toList()) {
                byte[] fragment = fragmentOf(war.getInputStream(entry));
                if (fragment != null) {
                    descriptors.put(entry.getName() + "!/META-INF/web-fragment.xml", distributable(new ByteArrayInputStream(fragment)));
                }
            }
        }

        assertThat(descriptors).as("the descriptors read").containsKey("WEB-INF/web.xml").hasSizeGreaterThan(1);
        List<String> notDistributable = new ArrayList<>();
        descriptors.forEach((name, distributable) -> {
            if (!distributable) {
                notDistributable.add(name);
            }
        });
        assertThat(notDistributable).as("descriptors without <distributable/> (all read: %s)", descriptors.keySet()).isEmpty();
    }

    @Test
    void aDescriptorIsDistributableOnlyByItsOwnElementNotByAComment() throws Exception {
        assertThat(distributable(xml("<web-fragment xmlns='https://jakarta.ee/xml/ns/jakartaee'><distributable/></web-fragment>")))
                .isTrue();
        assertThat(distributable(xml("<web-app><!-- <distributable/> --><display-name>x</display-name></web-app>"))).isFalse();
        assertThat(distributable(xml("<web-app><filter><distributable/></filter></web-app>"))).isFalse();
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The jar's META-INF/web-fragment.xml, or null when it has none. */
    private static byte[] fragmentOf(InputStream jar) throws IOException {
        try (JarInputStream entries = new JarInputStream(jar)) {
            for (var entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                if (entry.getName().equals("META-INF/web-fragment.xml")) {
                    return entries.readAllBytes();
                }
            }
        }
        return null;
    }

    /** Whether the descriptor's root element has a {@code <distributable/>} child. */
    private static boolean distributable(InputStream descriptor) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (descriptor) {
            Element root = factory.newDocumentBuilder().parse(descriptor).getDocumentElement();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "distributable".equals(element.getLocalName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
