package io.graphmeet.api.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The structured and enum types of one CSDL schema (Graph's {@code microsoft.graph}), read with plain DOM:
 * properties with their declared type and nullability, base types, and enum members in the order of their
 * values. Type names are used without the {@code graph.} alias.
 */
record GraphMetadata(Map<String, StructuredType> types, Map<String, EnumType> enums) {

    private static final String ALIAS = "graph.";

    /** An entity or complex type: its own properties (not inherited ones) and navigation property names. */
    record StructuredType(
            String name,
            String baseType,
            boolean open,
            Map<String, Property> properties,
            List<String> navigationProperties) {}

    /** A structural property: its CSDL type ({@code Edm.String}, {@code graph.x}, {@code Collection(...)}). */
    record Property(String name, String type, boolean nullable) {

        boolean isCollection() {
            return type.startsWith("Collection(");
        }

        /** The type of the property, or of each element of a collection. */
        String elementType() {
            String element = isCollection() ? type.substring("Collection(".length(), type.length() - 1) : type;
            return element.startsWith(ALIAS) ? element.substring(ALIAS.length()) : element;
        }
    }

    /** An enum type: members by ascending value. */
    record EnumType(String name, List<String> members, boolean flags) {

        /** Members declared after {@code unknownFutureValue}, which Graph hides unless the caller opts in. */
        List<String> evolvableMembers() {
            int sentinel = members.indexOf("unknownFutureValue");
            return sentinel < 0 ? List.of() : members.subList(sentinel + 1, members.size());
        }
    }

    static GraphMetadata load(String resource) {
        try (InputStream in = GraphMetadata.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            return new GraphMetadata(structuredTypes(root), enumTypes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    StructuredType type(String name) {
        StructuredType type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no structured type " + name + " in the metadata");
        }
        return type;
    }

    Optional<EnumType> enumType(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    /** The property {@code name} of {@code typeName} or of one of its base types. */
    Optional<Property> property(String typeName, String name) {
        for (String type = typeName; type != null; type = type(type).baseType()) {
            Property property = type(type).properties().get(name);
            if (property != null) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /** Every structural property of {@code typeName}, inherited ones included. */
    Map<String, Property> allProperties(String typeName) {
        Map<String, Property> all = new LinkedHashMap<>();
        for (String type = typeName; type != null; type = type(type).baseType()) {
            type(type).properties().forEach(all::putIfAbsent);
        }
        return all;
    }

    /** {@code typeName} with its base types, which decide whether it is open. */
    boolean isOpen(String typeName) {
        for (String type = typeName; type != null; type = type(type).baseType()) {
            if (type(type).open()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, StructuredType> structuredTypes(Element root) {
        Map<String, StructuredType> types = new HashMap<>();
        for (String kind : List.of("EntityType", "ComplexType")) {
            for (Element element : children(root, kind)) {
                Map<String, Property> properties = new LinkedHashMap<>();
                for (Element property : children(element, "Property")) {
                    properties.put(
                            property.getAttribute("Name"),
                            new Property(
                                    property.getAttribute("Name"),
                                    property.getAttribute("Type"),
                                    !"false".equals(property.getAttribute("Nullable"))));
                }
                List<String> navigation = children(element, "NavigationProperty").stream()
                        .map(property -> property.getAttribute("Name"))
                        .toList();
                String base = element.getAttribute("BaseType");
                String name = element.getAttribute("Name");
                types.put(
                        name,
                        new StructuredType(
                                name,
                                base.isEmpty() ? null : base.substring(ALIAS.length()),
                                "true".equals(element.getAttribute("OpenType")),
                                properties,
                                navigation));
            }
        }
        return types;
    }

    private static Map<String, EnumType> enumTypes(Element root) {
        Map<String, EnumType> enums = new HashMap<>();
        for (Element element : children(root, "EnumType")) {
            List<String> members = children(element, "Member").stream()
                    .sorted(Comparator.comparingLong(member -> Long.parseLong(member.getAttribute("Value"))))
                    .map(member -> member.getAttribute("Name"))
                    .toList();
            String name = element.getAttribute("Name");
            enums.put(name, new EnumType(name, members, "true".equals(element.getAttribute("IsFlags"))));
        }
        return enums;
    }

    private static List<Element> children(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
