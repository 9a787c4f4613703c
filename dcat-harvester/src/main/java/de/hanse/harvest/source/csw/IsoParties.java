package de.hanse.harvest.source.csw;

import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.source.paged.DcatGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.w3c.dom.Element;

/**
 * ISO 19139 responsible parties ({@code gmd:CI_ResponsibleParty}) as DCAT-AP agents: the resource's
 * {@code gmd:pointOfContact} (else the metadata {@code gmd:contact}) becomes {@code dcat:contactPoint}
 * ({@code vcard:Organization} with name and e-mail); the party with role {@code publisher} becomes
 * {@code dct:publisher}, else, as DCAT-AP.de requires a publisher, the first owner, custodian or point of contact.
 */
final class IsoParties {
    private static final Set<String> PUBLISHER_FALLBACK_ROLES = Set.of("owner", "custodian", "pointOfContact", "distributor", "originator");

    private IsoParties() {}

    static void map(Element md, Element ident, DcatGraph g, Node dataset) {
        List<Element> poc = Xml.all(ident, "gmd:pointOfContact", "gmd:CI_ResponsibleParty");
        List<Element> meta = Xml.all(md, "gmd:contact", "gmd:CI_ResponsibleParty");
        List<Element> contacts = poc.isEmpty() ? meta : poc;
        for (Element p : contacts) contactPoint(p, g, dataset);
        List<Element> all = new ArrayList<>(poc);
        all.addAll(meta);
        Element publisher = all.stream().filter(p -> "publisher".equals(role(p))).findFirst()
                .orElse(poc.stream().filter(p -> PUBLISHER_FALLBACK_ROLES.contains(role(p))).findFirst().orElse(null));
        if (publisher != null && name(publisher) != null) {
            Node a = g.blank();
            g.add(dataset, Vocab.DCT_publisher, a);
            g.type(a, DcatGraph.u(Vocab.FOAF, "Agent"));
            g.type(a, DcatGraph.u(Vocab.FOAF, "Organization"));
            g.literal(a, Vocab.FOAF_name, name(publisher));
            String mail = email(publisher);
            if (mail != null) g.add(a, DcatGraph.u(Vocab.FOAF, "mbox"), DcatGraph.iri("mailto:" + mail));
        }
    }

    private static void contactPoint(Element p, DcatGraph g, Node dataset) {
        String name = name(p);
        String mail = email(p);
        if (name == null && mail == null) return;
        Node c = g.blank();
        g.add(dataset, Vocab.DCAT_contactPoint, c);
        g.type(c, DcatGraph.u(Vocab.VCARD, "Organization"));
        g.literal(c, DcatGraph.u(Vocab.VCARD, "fn"), name);
        if (mail != null) g.add(c, DcatGraph.u(Vocab.VCARD, "hasEmail"), DcatGraph.iri("mailto:" + mail));
        String web = Xml.text(p, "gmd:contactInfo", "gmd:CI_Contact", "gmd:onlineResource", "gmd:CI_OnlineResource", "gmd:linkage");
        g.add(c, DcatGraph.u(Vocab.VCARD, "hasURL"), DcatGraph.iri(web));
    }

    static String role(Element p) {
        return Xml.code(p, "gmd:role", "gmd:CI_RoleCode");
    }

    private static String name(Element p) {
        String org = Xml.text(p, "gmd:organisationName");
        return org != null ? org : Xml.text(p, "gmd:individualName");
    }

    private static String email(Element p) {
        String m = Xml.text(p, "gmd:contactInfo", "gmd:CI_Contact", "gmd:address", "gmd:CI_Address", "gmd:electronicMailAddress");
        return m == null || !m.contains("@") ? null : m.replaceFirst("^mailto:", "");
    }
}
