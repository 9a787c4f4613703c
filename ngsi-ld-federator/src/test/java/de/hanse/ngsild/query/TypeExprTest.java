package de.hanse.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.jsonld.LdContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeExprTest {
    static final String V = "https://uri.etsi.org/ngsi-ld/default-context/";

    @Test
    void orAndParentheses() {
        TypeExpr t = TypeExpr.parse("(A;B)|C,D", LdContext.core());
        assertThat(t.matches(List.of(V + "A", V + "B"))).isTrue();
        assertThat(t.matches(List.of(V + "A"))).isFalse();
        assertThat(t.matches(List.of(V + "C"))).isTrue();
        assertThat(t.matches(List.of(V + "D"))).isTrue();
        assertThat(t.mentioned()).containsExactlyInAnyOrder(V + "A", V + "B", V + "C", V + "D");
        assertThat(t.expandedText()).isEqualTo("(" + V + "A;" + V + "B)|" + V + "C|" + V + "D");
        assertThat(TypeExpr.parse(t.expandedText(), LdContext.core()).matches(List.of(V + "A", V + "B"))).isTrue();
    }

    @Test
    void rejectsMalformed() {
        for (String bad : List.of("(A", "A|", "A;;B", "A B", ""))
            assertThatThrownBy(() -> TypeExpr.parse(bad, LdContext.core())).as(bad).isInstanceOf(ProblemException.class);
    }
}
