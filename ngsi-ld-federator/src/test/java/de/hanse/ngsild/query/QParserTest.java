package de.hanse.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QParserTest {
    static final LdContext CTX = LdContext.core();
    static final ObjectNode PARKING = entity("""
            {"id":"urn:ngsi-ld:OffStreetParking:1","type":"OffStreetParking",
             "availableSpotNumber":{"type":"Property","value":121,"observedAt":"2026-11-28T10:00:00Z",
                 "reliability":{"type":"Property","value":0.7}},
             "totalSpotNumber":{"type":"Property","value":200},
             "name":{"type":"Property","value":"Stadthafen"},
             "category":{"type":"Property","value":["public","underground"]},
             "address":{"type":"Property","value":{"addressLocality":"Rostock","postalCode":"18055"}},
             "refCity":{"type":"Relationship","object":"urn:ngsi-ld:City:Rostock"},
             "open":true}""");

    static ObjectNode entity(String json) {
        try {
            return EntityExpander.entity(Ngsi.JSON.readTree(json), CTX, Instant.parse("2026-11-28T00:00:00Z"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean q(String q) {
        return QEvaluator.test(QParser.parse(q, CTX), PARKING);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            availableSpotNumber==121 => true
            availableSpotNumber!=121 => false
            availableSpotNumber>100;totalSpotNumber>=200 => true
            availableSpotNumber>200|totalSpotNumber<=200 => true
            availableSpotNumber>200|totalSpotNumber<200 => false
            availableSpotNumber==100..150 => true
            availableSpotNumber==122..150 => false
            availableSpotNumber!=100..150 => false
            availableSpotNumber==1,2,121 => true
            availableSpotNumber!=1,2,3 => true
            name=="Stadthafen" => true
            name~=hafen$ => true
            name!~=^Stadt => false
            name~="(?i)STADT" => true
            name~=(?i)stadt(hafen)?;open==true => true
            (name~=(?i)nope|open==true) => true
            category=="underground" => true
            category!="public" => false
            address[addressLocality]=="Rostock" => true
            address[postalCode]=="18056" => false
            availableSpotNumber.reliability<0.8 => true
            availableSpotNumber.observedAt>=2026-11-28T09:00:00Z => true
            availableSpotNumber.observedAt<2026-11-28T09:00:00Z => false
            refCity=="urn:ngsi-ld:City:Rostock" => true
            refCity==urn:ngsi-ld:City:Rostock => true
            open==true => true
            name => true
            !name => false
            !missing => true
            missing==1 => false
            missing!=1 => false
            (availableSpotNumber>200|name=="Stadthafen");open==true => true
            availableSpotNumber>200|(name=="Stadthafen";open==false) => false
            ((availableSpotNumber==121)) => true
            name>5 => false
            """)
    void evaluates(String q, boolean expected) {
        assertThat(q(q)).as(q).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a==
            a===1
            (a==1
            a==1)
            a>1..3
            a~=[
            a==\"x
            ;a==1
            a[b==1
            """)
    void rejectsWithBadRequestData(String q) {
        assertThatThrownBy(() -> QParser.parse(q, CTX)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400))
                .satisfies(e -> assertThat(((ProblemException) e).problem().type()).endsWith("BadRequestData"));
    }

    @Test
    void andBindsTighterThanOr() {
        QExpr e = QParser.parse("a==1|b==2;c==3", CTX);
        assertThat(e).isInstanceOf(QExpr.Or.class);
        assertThat(((QExpr.Or) e).terms().get(1)).isInstanceOf(QExpr.And.class);
    }

    @Test
    void expandsNamesWithTheRequestContext() throws Exception {
        LdContext city = LdContext.of(java.util.List.of(), java.util.List.of(Ngsi.JSON.readTree(
                "{\"frei\":\"https://smartdatamodels.org/dataModel.Parking/availableSpotNumber\"}")));
        QExpr.Comparison c = (QExpr.Comparison) QParser.parse("frei>3", city);
        assertThat(c.path().attribute()).isEqualTo("https://smartdatamodels.org/dataModel.Parking/availableSpotNumber");
    }
}
