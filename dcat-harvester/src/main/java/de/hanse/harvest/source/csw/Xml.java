package de.hanse.harvest.source.csw;

import de.hanse.harvest.HarvestException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Secure XML parsing (no DOCTYPE at all, so no external entities, no entity expansion bombs, no external DTDs
 * or schemas) and small navigation helpers over ISO 19139 elements by {@code prefix:local} steps. The JDK's
 * built-in parser is used explicitly so a different parser on the class path cannot weaken the settings.
 */
final class Xml {
    static final Map<String, String> NS = Map.of(
            "csw", "http://www.opengis.net/cat/csw/2.0.2",
            "gmd", "http://www.isotc211.org/2005/gmd",
            "gco", "http://www.isotc211.org/2005/gco",
            "gmx", "http://www.isotc211.org/2005/gmx",
            "gmi", "http://www.isotc211.org/2005/gmi",
            "srv", "http://www.isotc211.org/2005/srv",
            "ows", "http://www.opengis.net/ows",
            "xlink", "http://www.w3.org/1999/xlink");

    private Xml() {}

    static Document parse(byte[] body, String url) throws HarvestException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            String why = String.valueOf(e.getMessage()).contains("DOCTYPE") ? "DOCTYPE is not allowed (XXE guard)" : e.getMessage();
            throw new HarvestException("cannot parse " + url + " as XML: " + why, e);
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new HarvestException("cannot parse " + url + " as XML: " + e.getMessage(), e);
        }
    }

    /** Child elements of {@code e} matching {@code step} ({@code prefix:local}, or {@code *} for any). */
    static List<Element> children(Element e, String step) {
        List<Element> out = new ArrayList<>();
        if (e == null) return out;
        String ns = null;
        String local = step;
        if (!step.equals("*")) {
            int colon = step.indexOf(':');
            ns = NS.get(step.substring(0, colon));
            local = step.substring(colon + 1);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (ns == null || (ns.equals(c.getNamespaceURI()) && local.equals(c.getLocalName())))) out.add(c);
        }
        return out;
    }

    /** All elements reached from {@code e} by the steps, in document order. */
    static List<Element> all(Element e, String... steps) {
        List<Element> current = e == null ? List.of() : List.of(e);
        for (String step : steps) {
            List<Element> next = new ArrayList<>();
            for (Element c : current) next.addAll(children(c, step));
            current = next;
        }
        return current;
    }

    static Element first(Element e, String... steps) {
        List<Element> l = all(e, steps);
        return l.isEmpty() ? null : l.get(0);
    }

    /**
     * The text of an ISO property element: its {@code gco:CharacterString}, {@code gmx:Anchor}, {@code gco:Date},
     * {@code gco:Decimal} … child, or its own text; null when blank.
     */
    static String text(Element property) {
        if (property == null) return null;
        List<Element> kids = children(property, "*");
        String t = (kids.isEmpty() ? property : kids.get(0)).getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }

    static String text(Element e, String... steps) {
        return text(first(e, steps));
    }

    /** A code list value ({@code codeListValue}) of the element at the steps, else its text. */
    static String code(Element e, String... steps) {
        Element c = first(e, steps);
        if (c == null) return null;
        String v = c.getAttribute("codeListValue");
        return v.isBlank() ? text(c) : v.strip();
    }

    /** The {@code xlink:href} of an element, or null. */
    static String href(Element e) {
        if (e == null) return null;
        String v = e.getAttributeNS(NS.get("xlink"), "href");
        return v.isBlank() ? null : v.strip();
    }
}
