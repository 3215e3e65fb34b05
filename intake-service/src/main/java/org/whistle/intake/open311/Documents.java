package org.whistle.intake.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Open311 document in both formats: JSON as a list (or object) of ordered maps, XML with the spec's root and item
 * element names. Nested lists become nested elements named by the caller's item names.
 */
public final class Documents {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Documents() {}

    public static String json(JsonMapper mapper, Object document) {
        return mapper.writeValueAsString(document);
    }

    /**
     * @param itemNames element names for the items of nested lists, by the list's key (e.g. attributes → attribute)
     */
    public static String xml(String root, String item, Object document, Map<String, String> itemNames) {
        try {
            var out = new StringWriter();
            var xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (document instanceof List<?> list) {
                xml.writeStartElement(root);
                for (var each : list) {
                    element(xml, item, each, itemNames);
                }
                xml.writeEndElement();
            } else {
                element(xml, root, document, itemNames);
            }
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, Object value, Map<String, String> itemNames)
            throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        switch (value) {
            case Map<?, ?> map -> {
                for (var entry : map.entrySet()) {
                    element(xml, String.valueOf(entry.getKey()), entry.getValue(), itemNames);
                }
            }
            case List<?> list -> {
                var itemName = itemNames.getOrDefault(name, "item");
                for (var each : list) {
                    element(xml, itemName, each, itemNames);
                }
            }
            default -> xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
